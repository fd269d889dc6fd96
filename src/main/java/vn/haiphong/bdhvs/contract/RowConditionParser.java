package vn.haiphong.bdhvs.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Recursive descent over the {@code check} and {@code where} of a contract's expectation:
 * <pre>
 * condition  = conjunct { "or" conjunct }
 * conjunct   = negation { "and" negation }
 * negation   = "not" negation | predicate
 * predicate  = sum [ ("==" | "!=" | "<" | "<=" | ">" | ">=") sum
 *                  | "is" ["not"] "null" | ["not"] "in" "(" literal { "," literal } ")" ]
 * sum        = product { ("+" | "-") product }
 * product    = unary { ("*" | "/") unary }
 * unary      = "-" unary | primary
 * primary    = number | 'text' | "true" | "false" | "abs" "(" condition ")" | column | "(" condition ")"
 * </pre>
 * A column is a name of the table's contract; nothing else is read, no function but {@code abs}
 * exists, and the whole is typed before it runs ({@link RowCondition#type}), so a contract cannot
 * hold SQL of its own. Keywords are lower case; a text literal has no quote inside.
 */
final class RowConditionParser {
  private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "is", "null", "in", "true", "false", "abs");
  private static final List<String> COMPARISONS = List.of("==", "!=", "<=", ">=", "<", ">");

  private final String text;
  private int at;

  private RowConditionParser(String text) {
    this.text = text;
  }

  /** Parses {@code text} and checks it is a condition over {@code columnTypes} (column name to contract type). */
  static RowCondition condition(String text, Map<String, String> columnTypes) {
    RowConditionParser p = new RowConditionParser(text);
    RowCondition c = p.condition();
    p.skipSpace();
    if (p.at < text.length()) {
      throw p.error("an operator, 'and', 'or' or the end");
    }
    RowCondition.Type type;
    try {
      type = c.type(columnTypes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "': " + e.getMessage(), e);
    }
    if (type != RowCondition.Type.BOOLEAN) {
      throw new IllegalArgumentException("'" + text + "' is a " + type.name().toLowerCase()
          + ", not a condition: compare it with something");
    }
    return c;
  }

  private RowCondition condition() {
    RowCondition c = conjunct();
    while (keyword("or")) {
      c = new RowCondition.Logical("or", c, conjunct());
    }
    return c;
  }

  private RowCondition conjunct() {
    RowCondition c = negation();
    while (keyword("and")) {
      c = new RowCondition.Logical("and", c, negation());
    }
    return c;
  }

  private RowCondition negation() {
    return keyword("not") ? new RowCondition.Not(negation()) : predicate();
  }

  private RowCondition predicate() {
    RowCondition left = sum();
    for (String op : COMPARISONS) {
      if (symbol(op)) {
        return new RowCondition.Comparison(op, left, sum());
      }
    }
    if (keyword("is")) {
      boolean negated = keyword("not");
      if (!keyword("null")) {
        throw error("'null'");
      }
      return new RowCondition.IsNull(left, negated);
    }
    int before = at;
    boolean negated = keyword("not");
    if (keyword("in")) {
      return new RowCondition.In(left, literals(), negated);
    }
    at = before;
    return left;
  }

  private List<RowCondition> literals() {
    expect("(");
    List<RowCondition> values = new ArrayList<>();
    do {
      RowCondition v = primary();
      if (!(v instanceof RowCondition.Literal l) || l.type() == RowCondition.Type.BOOLEAN) {
        throw error("a number or a 'text' in the list");
      }
      values.add(v);
    } while (symbol(","));
    expect(")");
    return values;
  }

  private RowCondition sum() {
    return leftAssociative("+-", this::product);
  }

  private RowCondition product() {
    return leftAssociative("*/", this::unary);
  }

  /** {@code next { op next }} for the operators of one precedence level, grouped from the left. */
  private RowCondition leftAssociative(String operators, Supplier<RowCondition> next) {
    RowCondition c = next.get();
    while (true) {
      skipSpace();
      if (at == text.length() || operators.indexOf(text.charAt(at)) < 0) {
        return c;
      }
      char op = text.charAt(at++);
      c = new RowCondition.Arithmetic(op, c, next.get());
    }
  }

  private RowCondition unary() {
    return symbol("-") ? new RowCondition.Negative(unary()) : primary();
  }

  private RowCondition primary() {
    skipSpace();
    if (at == text.length()) {
      throw error("a column, a number, a 'text' or '('");
    }
    char c = text.charAt(at);
    if (symbol("(")) {
      RowCondition inner = condition();
      expect(")");
      return inner;
    }
    if (c == '\'') {
      int end = text.indexOf('\'', at + 1);
      if (end < 0) {
        throw error("a closing quote");
      }
      String value = text.substring(at + 1, end);
      at = end + 1;
      return new RowCondition.Literal(value, RowCondition.Type.TEXT);
    }
    if (Character.isDigit(c) || c == '.') {
      int start = at;
      while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
        at++;
      }
      try {
        return new RowCondition.Literal(Double.parseDouble(text.substring(start, at)), RowCondition.Type.NUMBER);
      } catch (NumberFormatException e) {
        at = start;
        throw error("a number");
      }
    }
    if (Character.isLetter(c)) {
      String name = word();
      switch (name) {
        case "true", "false" -> {
          return new RowCondition.Literal(name.equals("true"), RowCondition.Type.BOOLEAN);
        }
        case "abs" -> {
          expect("(");
          RowCondition inner = condition();
          expect(")");
          return new RowCondition.Abs(inner);
        }
        default -> {
          if (KEYWORDS.contains(name)) {
            at -= name.length();
            throw error("a column, a number, a 'text' or '('");
          }
          skipSpace();
          if (text.startsWith("(", at)) {
            throw new IllegalArgumentException("'" + text + "' calls " + name + "(): the only function is abs");
          }
          return new RowCondition.ColumnName(name);
        }
      }
    }
    throw error("a column, a number, a 'text' or '('");
  }

  /** Letters, digits and {@code _} from here; the position moves past them. */
  private String word() {
    int start = at;
    while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) {
      at++;
    }
    return text.substring(start, at);
  }

  /** Takes {@code word} if it is the next whole word. */
  private boolean keyword(String word) {
    skipSpace();
    int start = at;
    if (at < text.length() && Character.isLetter(text.charAt(at)) && word().equals(word)) {
      return true;
    }
    at = start;
    return false;
  }

  /** Takes {@code symbol} if it comes next ({@link #COMPARISONS} tries {@code <=} before {@code <}). */
  private boolean symbol(String symbol) {
    skipSpace();
    if (!text.startsWith(symbol, at)) {
      return false;
    }
    at += symbol.length();
    return true;
  }

  private void expect(String symbol) {
    if (!symbol(symbol)) {
      throw error("'" + symbol + "'");
    }
  }

  private void skipSpace() {
    while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
      at++;
    }
  }

  private IllegalArgumentException error(String expected) {
    skipSpace();
    String found = at >= text.length() ? "the end" : "'" + text.charAt(at) + "'";
    return new IllegalArgumentException("expected " + expected + " at character " + (at + 1) + " of '" + text
        + "', found " + found);
  }
}
