package vn.haiphong.bdhvs.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Recursive descent over one side of a validation rule:
 * <pre>
 * expression = term { ("+" | "-") term }
 * term       = factor { ("*" | "/") factor }
 * factor     = number | name | "(" expression ")" | "-" factor
 * set        = "{" number { "," number } "}"
 * </pre>
 * {@code ×}, {@code ÷} and {@code −} are read as {@code *}, {@code /} and {@code -}; a name is
 * letters, digits, {@code _} and {@code .}, starting with a letter. Numbers may have a decimal
 * point, never a thousands separator.
 */
final class ExpressionParser {
  private final String text;
  private int at;

  private ExpressionParser(String text) {
    this.text = text;
  }

  /** Parses a whole expression; fails naming the character position and what was expected. */
  static Expression expression(String text) {
    ExpressionParser p = new ExpressionParser(text);
    Expression e = p.expression();
    p.end();
    return e;
  }

  /** Parses a set of numbers such as {@code {0,1}}. */
  static List<Double> set(String text) {
    ExpressionParser p = new ExpressionParser(text);
    p.expect('{');
    List<Double> values = new ArrayList<>();
    values.add(p.signedNumber());
    while (p.accept(',')) {
      values.add(p.signedNumber());
    }
    p.expect('}');
    p.end();
    return values;
  }

  private Expression expression() {
    return leftAssociative("+-", this::term);
  }

  private Expression term() {
    return leftAssociative("*/", this::factor);
  }

  /** {@code next { op next }} for the operators of one precedence level, grouped from the left. */
  private Expression leftAssociative(String operators, Supplier<Expression> next) {
    Expression e = next.get();
    for (char op = peek(); op != 0 && operators.indexOf(op) >= 0; op = peek()) {
      at++;
      e = new Expression.Binary(op, e, next.get());
    }
    return e;
  }

  private Expression factor() {
    char c = peek();
    if (c == '(') {
      at++;
      Expression e = expression();
      expect(')');
      return e;
    }
    if (c == '-') {
      at++;
      return new Expression.Negation(factor());
    }
    if (isDigit(c) || c == '.') {
      return new Expression.Number(number());
    }
    if (Character.isLetter(c)) {
      int start = at;
      while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_'
          || text.charAt(at) == '.')) {
        at++;
      }
      return new Expression.Operand(text.substring(start, at));
    }
    throw error("a number, a metric code, '(' or '-'");
  }

  private double signedNumber() {
    boolean negative = accept('-');
    if (!isDigit(peek()) && peek() != '.') {
      throw error("a number");
    }
    double v = number();
    return negative ? -v : v;
  }

  private double number() {
    int start = at;
    while (at < text.length() && (isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
      at++;
    }
    try {
      return Double.parseDouble(text.substring(start, at));
    } catch (NumberFormatException e) {
      at = start;
      throw error("a number");
    }
  }

  /** The next significant character, with the typographic operators read as ASCII; 0 at the end. */
  private char peek() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    if (at == text.length()) {
      return 0;
    }
    char c = text.charAt(at);
    return switch (c) {
      case '×' -> '*';
      case '÷' -> '/';
      case '−' -> '-';
      default -> c;
    };
  }

  private boolean accept(char c) {
    if (peek() == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!accept(c)) {
      throw error("'" + c + "'");
    }
  }

  private void end() {
    if (peek() != 0) {
      throw error("an operator or the end");
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private IllegalArgumentException error(String expected) {
    String found = at >= text.length() ? "the end" : "'" + text.charAt(at) + "'";
    return new IllegalArgumentException("expected " + expected + " at character " + (at + 1) + " of '" + text
        + "', found " + found);
  }
}
