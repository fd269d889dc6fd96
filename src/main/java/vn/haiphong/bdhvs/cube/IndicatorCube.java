package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static vn.haiphong.bdhvs.cube.Rollup.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.DENOMINATOR;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH_END;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH_OF_YEAR;
import static vn.haiphong.bdhvs.cube.Rollup.NUMERATOR;
import static vn.haiphong.bdhvs.cube.Rollup.VALUE;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;
import static vn.haiphong.bdhvs.cube.Rollup.YEAR;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.Indicator;

/**
 * The indicator cube of docs/specification.md §6 from the staged tables: sparse facts per indicator, made dense over
 * months × wards × target groups, valued by unit, compared with the plan targets, and flagged
 * provisional while reports are missing. No I/O: {@link CubeJob} reads and writes.
 */
public final class IndicatorCube {
  static final TableContract CONTRACT = TableContract.load("output", "indicator_cube");
  static final String STATUS_UDF = "bdhvs_target_status";
  private static final String EARLIER = "_earlier";

  private IndicatorCube() {}

  /** The cube's rows in contract shape, for every month of {@code ref}. */
  public static Dataset<Row> build(SparkSession spark, CubeInputs in, CubeReference ref) {
    return build(spark, in, ref, null);
  }

  /**
   * The cube's rows for the months of {@code ref} when {@code earlier} (or null) holds the cube's
   * published rows of the months of the same years before them: the status baselines come from both.
   */
  public static Dataset<Row> build(SparkSession spark, CubeInputs in, CubeReference ref, Dataset<Row> earlier) {
    Dataset<Row> months = ReferenceFrames.months(ref.months()).toSpark(spark);
    Dataset<Row> reporting = ReportFacts.reportingCounts(spark, ref, in.unitReports());
    Dataset<Row> dense = dense(cells(spark, ref).crossJoin(months), facts(spark, in, ref, months, reporting));
    Dataset<Row> withStatus = status(spark, targets(valued(dense), spark, ref), earlier);
    return provisional(withStatus, ReportFacts.missing(reporting)).withColumn("run_id", lit(ref.runId()))
        .select(CONTRACT.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
  }

  /** Every indicator's figures, sparse: numerator and denominator parts of one cell merged. */
  static Dataset<Row> facts(SparkSession spark, CubeInputs in, CubeReference ref, Dataset<Row> months,
      Dataset<Row> reporting) {
    Dataset<Row> persons = PersonFacts.counts(in, months).cache();
    Dataset<Row> units = ReportFacts.units(spark, ref);
    List<Dataset<Row>> parts = List.of(
        persons,
        PersonFacts.contestWardCoverage(persons, ref.wardCount()),
        PersonFacts.measuredDenominators(spark, ref, months),
        contestVisits(in.contestVisits(), months),
        ReportFacts.reportedRates(spark, ref, in.unitReportMetrics(), months),
        ReportFacts.communityClasses(ref, in.unitReportMetrics(), months, units),
        ReportFacts.completenessAndTimeliness(reporting),
        TelecomFacts.stations(in.telecomOperator(), months),
        TelecomFacts.wardCoverage(in.telecomOperator(), months, ref.wardCount()),
        TelecomFacts.speeds(in.telecomSpeedtest(), months));
    Dataset<Row> all = parts.stream().reduce(Dataset::unionByName).orElseThrow();
    return all.groupBy(MONTH, WARD, GROUP, INDICATOR)
        .agg(max(NUMERATOR).as(NUMERATOR), max(DENOMINATOR).as(DENOMINATOR), max(VALUE).as(VALUE));
  }

  /** CONTEST_VISITS (the month's days) and CONTEST_VISITS_CUM (every day to month end), city only. */
  static Dataset<Row> contestVisits(Dataset<Row> visits, Dataset<Row> months) {
    Dataset<Row> inMonth = visits.join(broadcast(months), date_format(col("date"), "yyyy-MM").equalTo(col(MONTH)))
        .groupBy(MONTH).agg(sum("visits").as("visits"));
    Dataset<Row> toMonthEnd = visits.join(broadcast(months), col("date").leq(col(MONTH_END)))
        .groupBy(MONTH).agg(sum("visits").as("visits"));
    return Facts.city(inMonth, lit("CONTEST_VISITS"), col("visits"), lit(null))
        .unionByName(Facts.city(toMonthEnd, lit("CONTEST_VISITS_CUM"), col("visits"), lit(null)));
  }

  /** The cells every month must have: per indicator, the wards and target groups of its breakdown. */
  static Dataset<Row> cells(SparkSession spark, CubeReference ref) {
    return ReferenceFrames.cells(ref).toSpark(spark);
  }

  static Dataset<Row> dense(Dataset<Row> cells, Dataset<Row> facts) {
    return cells.join(facts, new String[] {MONTH, WARD, GROUP, INDICATOR}, "left");
  }

  /**
   * Counts of persons, wards and reports are 0 where nothing was seen; reported figures and speeds
   * stay null. Rates divide the aggregated numerator by the aggregated denominator.
   */
  static Dataset<Row> valued(Dataset<Row> dense) {
    Column counted = col(ReferenceFrames.UNIT).notEqual("mbps")
        .and(col(ReferenceFrames.BASIS).equalTo("measured").or(col(ReferenceFrames.BREAKDOWN).equalTo(Indicator.CITY_ONLY)));
    Column numerator = when(counted, coalesce(col(NUMERATOR), lit(0.0))).otherwise(col(NUMERATOR));
    Column hasDenominator = col(DENOMINATOR).gt(0);
    Column value = when(col(ReferenceFrames.UNIT).equalTo("count"), col(NUMERATOR))
        .when(col(ReferenceFrames.UNIT).equalTo("percent"), when(hasDenominator, col(NUMERATOR).divide(col(DENOMINATOR)).multiply(100)))
        .when(col(ReferenceFrames.UNIT).equalTo("ratio"), when(hasDenominator, col(NUMERATOR).divide(col(DENOMINATOR))))
        .otherwise(col(VALUE));
    return dense.withColumn(NUMERATOR, numerator).withColumn(VALUE, value);
  }

  /** target_value and target_year from the plans: the ward's own target for the month's year, else the city's. */
  static Dataset<Row> targets(Dataset<Row> valued, SparkSession spark, CubeReference ref) {
    return valued.join(broadcast(ReferenceFrames.targets(ref).toSpark(spark)), new String[] {INDICATOR, YEAR, WARD}, "left")
        .withColumn("target_year", when(col("target_value").isNotNull(), col(YEAR)));
  }

  /**
   * Status against the target (see {@link TargetStatus}), with the year's baseline found per cell
   * among the rows and the {@code earlier} cube rows of the same years (null: none).
   */
  static Dataset<Row> status(SparkSession spark, Dataset<Row> targeted, Dataset<Row> earlier) {
    // The rule is plain Java so it is tested without Spark; a UDF keeps it written once.
    spark.udf().register(STATUS_UDF, (UDF5<Double, Double, Double, Integer, Integer, String>) TargetStatus::of,
        DataTypes.StringType);
    WindowSpec year = Window.partitionBy(WARD, GROUP, INDICATOR, YEAR).orderBy(MONTH)
        .rowsBetween(Window.unboundedPreceding(), Window.unboundedFollowing());
    Dataset<Row> rows = targeted.withColumn(EARLIER, lit(false));
    if (earlier != null) {
      rows = rows.unionByName(earlier.select(col(MONTH), col(WARD), col(GROUP), col(INDICATOR), col(VALUE),
          substring(col(MONTH), 1, 4).cast("int").as(YEAR), substring(col(MONTH), 6, 2).cast("int").as(MONTH_OF_YEAR),
          lit(true).as(EARLIER)), true);
    }
    return rows
        .withColumn("baseline", first(col(VALUE), true).over(year))
        .withColumn("baseline_month", first(when(col(VALUE).isNotNull(), col(MONTH_OF_YEAR)), true).over(year))
        .filter(not(col(EARLIER))).drop(EARLIER)
        .withColumn("status", callUDF(STATUS_UDF, col(VALUE), col("target_value"), col("baseline"),
            col("baseline_month"), col(MONTH_OF_YEAR)));
  }

  /** Reported figures and reporting rates of a ward (or ALL) are provisional while its expected reports are missing. */
  static Dataset<Row> provisional(Dataset<Row> rows, Dataset<Row> missing) {
    Column fromReports = col(ReferenceFrames.BASIS).equalTo("reported").or(col(INDICATOR).startsWith("REPORT_"));
    return rows.join(broadcast(missing), new String[] {MONTH, WARD}, "left")
        .withColumn("is_provisional", fromReports.and(coalesce(col(ReportFacts.MISSING), lit(false))));
  }
}
