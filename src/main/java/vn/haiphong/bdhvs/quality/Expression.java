package vn.haiphong.bdhvs.quality;

import static org.apache.spark.sql.functions.lit;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import vn.haiphong.bdhvs.contract.ColumnArithmetic;

/**
 * One side of a validation rule: numbers, operand names (a report metric, a population measure)
 * and the four operations, as {@link ExpressionParser} read it. Compiled to a Spark column, never
 * evaluated as text.
 */
sealed interface Expression {

  /** The expression as a column, each operand name mapped by {@code operand}; null when an operand is null. */
  Column column(Function<String, Column> operand);

  /** The operand names it reads. */
  default Set<String> operands() {
    Set<String> names = new TreeSet<>();
    collect(names);
    return names;
  }

  void collect(Set<String> names);

  /** Fully parenthesised, for messages and tests. */
  String text();

  record Number(double value) implements Expression {
    @Override
    public Column column(Function<String, Column> operand) {
      return lit(value);
    }

    @Override
    public void collect(Set<String> names) {}

    @Override
    public String text() {
      return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
  }

  record Operand(String name) implements Expression {
    @Override
    public Column column(Function<String, Column> operand) {
      return operand.apply(name);
    }

    @Override
    public void collect(Set<String> names) {
      names.add(name);
    }

    @Override
    public String text() {
      return name;
    }
  }

  record Negation(Expression inner) implements Expression {
    @Override
    public Column column(Function<String, Column> operand) {
      return inner.column(operand).unary_$minus();
    }

    @Override
    public void collect(Set<String> names) {
      inner.collect(names);
    }

    @Override
    public String text() {
      return "(-" + inner.text() + ")";
    }
  }

  record Binary(char operator, Expression left, Expression right) implements Expression {
    @Override
    public Column column(Function<String, Column> operand) {
      // Spark divides by zero to null: the rule is then skipped for that report, as with a missing value.
      return ColumnArithmetic.apply(operator, left.column(operand), right.column(operand));
    }

    @Override
    public void collect(Set<String> names) {
      left.collect(names);
      right.collect(names);
    }

    @Override
    public String text() {
      return "(" + left.text() + " " + operator + " " + right.text() + ")";
    }
  }
}
