package vn.haiphong.bdhvs.quality;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The reports that break a validation rule: one row per unit × period × rule, as {@code schemas/output/validation_violations.json}. */
final class RuleViolations {
  static final List<String> KEYS = List.of("unit_code", "period_type", "period", "rule_id");

  private RuleViolations() {}

  /** Every rule over {@code values} (see {@link ReportedValues}), in one pass: each row's checks exploded, the failed ones kept. */
  static Dataset<Row> find(Dataset<Row> values, List<ValidationRule> rules) {
    Column[] checks = rules.stream().map(rule -> struct(
        lit(rule.id()).as("rule_id"), lit(rule.importance()).as("importance"),
        rule.leftValue(ReportedValues::operand).cast("double").as("left_value"),
        lit(rule.operator().symbol()).as("operator"),
        rule.rightValue(ReportedValues::operand).cast("double").as("right_value"),
        rule.violated(ReportedValues::operand).as("violated"))).toArray(Column[]::new);
    return values.select(col("unit_code"), col("ward_code"), col("period_type"), col("period"),
            explode(array(checks)).as("check"))
        .filter(col("check.violated"))
        .select(col("unit_code"), col("ward_code"), col("period_type"), col("period"), col("check.rule_id"),
            col("check.importance"), col("check.left_value"), col("check.operator"), col("check.right_value"));
  }

  /**
   * Adds when each violation was first found: as {@code previous} (the last published violations,
   * or null) says, else this run. A violation that was fixed and comes back is new again.
   */
  static Dataset<Row> firstSeen(Dataset<Row> violations, Dataset<Row> previous, LocalDate runDate, String runId) {
    Column today = lit(java.sql.Date.valueOf(runDate));
    if (previous == null) {
      return violations.withColumn("first_seen", today).withColumn("first_seen_run", lit(runId))
          .withColumn("run_id", lit(runId));
    }
    List<Column> earlier = new ArrayList<>();
    KEYS.forEach(k -> earlier.add(col(k).as("earlier_" + k)));
    earlier.add(col("first_seen").as("earlier_first_seen"));
    earlier.add(col("first_seen_run").as("earlier_first_seen_run"));
    Dataset<Row> seen = previous.select(earlier.toArray(Column[]::new));
    Column same = null;
    for (String k : KEYS) {
      Column eq = violations.col(k).equalTo(seen.col("earlier_" + k));
      same = same == null ? eq : same.and(eq);
    }
    return violations.join(seen, same, "left")
        .withColumn("first_seen", coalesce(col("earlier_first_seen"), today))
        .withColumn("first_seen_run", coalesce(col("earlier_first_seen_run"), lit(runId)))
        .withColumn("run_id", lit(runId));
  }
}
