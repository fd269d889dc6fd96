package vn.haiphong.bdhvs.contract;

import org.apache.spark.sql.Column;

/**
 * The four operations of the expressions written in data (a contract's checks, the validation rules
 * of reference/validation_rules.csv) on Spark columns, written once. A division by zero is null in
 * Spark: the row or report is then not judged, as with a missing value.
 */
public final class ColumnArithmetic {
  private ColumnArithmetic() {}

  /** {@code left operator right} for {@code + - * /}. */
  public static Column apply(char operator, Column left, Column right) {
    return switch (operator) {
      case '+' -> left.plus(right);
      case '-' -> left.minus(right);
      case '*' -> left.multiply(right);
      case '/' -> left.divide(right);
      default -> throw new IllegalArgumentException("operator " + operator);
    };
  }
}
