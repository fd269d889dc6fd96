package vn.haiphong.bdhvs.quality;

import java.util.Arrays;
import java.util.Optional;
import org.apache.spark.sql.Column;

/** The operator between a rule's two sides, as written in {@code validation_rules.csv}. */
enum Comparison {
  EQUAL("=="),
  NOT_EQUAL("!="),
  LESS("<"),
  LESS_OR_EQUAL("<="),
  GREATER(">"),
  GREATER_OR_EQUAL(">="),
  /** The right side is a set of numbers, {@code {0,1}}. */
  IN("in");

  private final String symbol;

  Comparison(String symbol) {
    this.symbol = symbol;
  }

  String symbol() {
    return symbol;
  }

  static Optional<Comparison> of(String symbol) {
    return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol)).findFirst();
  }

  /** The rule holds: left and right compared (for {@link #IN}, right is unused and {@code set} holds). */
  Column holds(Column left, Column right, Object[] set) {
    return switch (this) {
      case EQUAL -> left.equalTo(right);
      case NOT_EQUAL -> left.notEqual(right);
      case LESS -> left.lt(right);
      case LESS_OR_EQUAL -> left.leq(right);
      case GREATER -> left.gt(right);
      case GREATER_OR_EQUAL -> left.geq(right);
      case IN -> left.isin(set);
    };
  }
}
