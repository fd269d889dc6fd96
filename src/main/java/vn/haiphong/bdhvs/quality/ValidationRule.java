package vn.haiphong.bdhvs.quality;

import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.types.DataTypes;

/**
 * One row of {@code reference/validation_rules.csv} (DHIS2's validation rule): left side, operator,
 * right side (an expression, or a set of numbers for {@code in}), importance and what it checks.
 */
record ValidationRule(String id, Expression left, Comparison operator, Expression right, List<Double> set,
    String importance, String descriptionVi) {

  Set<String> operands() {
    Set<String> names = new TreeSet<>(left.operands());
    if (right != null) {
      names.addAll(right.operands());
    }
    return names;
  }

  Column leftValue(Function<String, Column> operand) {
    return left.column(operand);
  }

  /** Null for a set: the set is in the rule, not in each violation. */
  Column rightValue(Function<String, Column> operand) {
    return right == null ? lit(null).cast(DataTypes.DoubleType) : right.column(operand);
  }

  /**
   * The report breaks the rule: both sides known and the comparison false. A side with a missing
   * value is not judged (DHIS2's "skip if any value is missing").
   */
  Column violated(Function<String, Column> operand) {
    Column l = leftValue(operand);
    Column r = rightValue(operand);
    Column known = right == null ? l.isNotNull() : l.isNotNull().and(r.isNotNull());
    return known.and(operator.holds(l, r, set == null ? null : set.toArray()).unary_$bang());
  }

  /** The rule as written, for logs and messages. */
  String text() {
    return left.text() + " " + operator.symbol() + " "
        + (right == null ? set.stream().map(v -> new Expression.Number(v).text()).toList().toString()
            .replace('[', '{').replace(']', '}') : right.text());
  }
}
