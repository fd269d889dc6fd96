package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;
import static vn.haiphong.bdhvs.cube.Rollup.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** Indicators from unit reports: the reported rates, community classes, and reporting completeness and timeliness. */
final class ReportFacts {
  static final String WARD_COMMUNITY_CLASS_RATE = "WARD_COMMUNITY_CLASS_RATE";
  static final String MISSING = "reports_missing";
  private static final String UNIT = "unit_code";

  private ReportFacts() {}

  /**
   * Reported rates by ward: the month's current reports, numerator metrics and denominator metrics
   * summed first (per ward, and over every report for ALL, departments included), divided later.
   */
  static Dataset<Row> reportedRates(SparkSession spark, CubeReference ref, Dataset<Row> metrics, Dataset<Row> months) {
    Dataset<Row> byReport = monthReports(metrics, months)
        .join(broadcast(ReferenceFrames.metricRoles(ref).toSpark(spark)), "metric_code")
        .withColumn("num", when(col("role").equalTo("numerator"), col("value")))
        .withColumn("den", when(col("role").equalTo("denominator"), col("value")));
    Dataset<Row> sums = Rollup.byWardAndCity(byReport, List.of(MONTH, INDICATOR),
        sum("num").as("num"), sum("den").as("den")).withColumn(GROUP, lit(ALL));
    return Facts.of(sums, col(INDICATOR), col("num"), col("den"), lit(null));
  }

  /** Ward units reporting community_class_held = 1 for the month, over the 114. */
  static Dataset<Row> communityClasses(CubeReference ref, Dataset<Row> metrics, Dataset<Row> months, Dataset<Row> units) {
    Dataset<Row> held = monthReports(metrics, months)
        .filter(col("metric_code").equalTo("community_class_held").and(col("value").equalTo(1)))
        .withColumn(UNIT, upper(trim(col(UNIT))))
        .join(broadcast(units.filter(col("kind").equalTo("ward")).select(UNIT)), UNIT)
        .groupBy(MONTH).agg(countDistinct(UNIT).as("wards"));
    return Facts.city(held, lit(WARD_COMMUNITY_CLASS_RATE), col("wards"), lit(ref.wardCount()));
  }

  /**
   * Per month × ward (the unit's) and ALL: reports expected (units × periods due in the month),
   * received (any version) and on time (the first version's on_time).
   */
  static Dataset<Row> reportingCounts(SparkSession spark, CubeReference ref, Dataset<Row> reports) {
    Dataset<Row> received = reports.filter(col("version").equalTo(1))
        .select(upper(trim(col(UNIT))).as(UNIT), col("period_type"), col("period"), col("on_time"));
    Dataset<Row> owed = ReferenceFrames.expectedReports(ref).toSpark(spark)
        .join(received, new String[] {UNIT, "period_type", "period"}, "left")
        .withColumn("received", when(col("on_time").isNotNull(), 1).otherwise(0))
        .withColumn("timely", when(col("on_time"), 1).otherwise(0));
    return Rollup.byWardAndCity(owed, List.of(MONTH), sum(lit(1)).as("expected"),
        sum("received").as("received"), sum("timely").as("timely"));
  }

  static Dataset<Row> completenessAndTimeliness(Dataset<Row> counts) {
    Dataset<Row> byGroup = counts.withColumn(GROUP, lit(ALL));
    return Facts.of(byGroup, lit("REPORT_COMPLETENESS"), col("received"), col("expected"), lit(null))
        .unionByName(Facts.of(byGroup, lit("REPORT_TIMELINESS"), col("timely"), col("expected"), lit(null)));
  }

  /** month, ward_code (and ALL), reports_missing: some report expected for the month has not arrived. */
  static Dataset<Row> missing(Dataset<Row> counts) {
    return counts.select(col(MONTH), col(WARD), col("received").lt(col("expected")).as(MISSING));
  }

  /** Reporting units as a frame: unit_code (upper case), kind, ward_code. */
  static Dataset<Row> units(SparkSession spark, CubeReference ref) {
    return ReferenceFrames.reportingUnits(ref).toSpark(spark);
  }

  private static Dataset<Row> monthReports(Dataset<Row> metrics, Dataset<Row> months) {
    Column current = col("is_current").and(col("period_type").equalTo("month"));
    return metrics.filter(current).join(broadcast(months.select(MONTH)), col("period").equalTo(col(MONTH)));
  }
}
