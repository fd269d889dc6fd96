package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.when;
import static vn.haiphong.bdhvs.codes.DimensionMember.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.VALUE;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;

/** Reported against measured skill rates per month × ward (docs/specification.md §5): the gap inspectors ask about. */
public final class SkillGaps {
  /**
   * Units report skills from their own surveys, platforms measure only those who took a course
   * there, so some gap is normal; more than 20 points is the margin at which the figure needs an
   * explanation (the order of magnitude of self-assessment bias reported for digital-skill surveys).
   */
  static final double FLAG_POINTS = 20.0;
  static final String MEASURED_SUFFIX = "_MEASURED";

  private SkillGaps() {}

  /** From the indicator cube's rows: one row per month × ward × reported indicator that has a measured twin. */
  public static Dataset<Row> build(Dataset<Row> cube, IndicatorCatalog catalog, String runId) {
    List<String> reported = catalog.indicators().stream()
        .filter(i -> i.basis().equals("reported") && catalog.byCode(i.code() + MEASURED_SUFFIX).isPresent())
        .map(Indicator::code).toList();
    List<String> measured = reported.stream().map(code -> code + MEASURED_SUFFIX).toList();
    Column isMeasured = col(INDICATOR).endsWith(MEASURED_SUFFIX);
    // Both twins of a cell in one pass: group by the reported code rather than join the cube to itself.
    return cube.filter(col(GROUP).equalTo(ALL).and(col(INDICATOR).isin(reported.toArray()).or(col(INDICATOR).isin(measured.toArray()))))
        .withColumn("pair", when(isMeasured, regexp_replace(col(INDICATOR), MEASURED_SUFFIX + "$", "")).otherwise(col(INDICATOR)))
        .groupBy(col(MONTH), col(WARD), col("pair").as(INDICATOR))
        .agg(max(when(not(isMeasured), col(VALUE))).as("reported_value"), max(when(isMeasured, col(VALUE))).as("measured_value"))
        .withColumn("measured_code", concat(col(INDICATOR), lit(MEASURED_SUFFIX)))
        .withColumn("gap_points", col("reported_value").minus(col("measured_value")))
        .withColumn("flagged", coalesce(col("gap_points").gt(FLAG_POINTS), lit(false)))
        .withColumn("run_id", lit(runId));
  }
}
