package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.min;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.haiphong.bdhvs.ingest.Ledger;
import vn.haiphong.bdhvs.runtime.CodeVersion;
import vn.haiphong.bdhvs.runtime.Job;
import vn.haiphong.bdhvs.runtime.JobContext;
import vn.haiphong.bdhvs.runtime.JobResult;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code build_cubes}: reads the staged tables, writes the indicator cube, the reported-vs-measured
 * gaps, the projections of when each target is met, the learning cube and the telecom cube under {@code cubes/}, each partitioned by month.
 * A month's figures depend on the facts up to its end, so after a night that changed facts from
 * some month on (the ledger says which, see {@link Ledger#factsChangedFrom}) only the months from
 * there to the latest are rebuilt; the others stay as published. Everything is rebuilt when there
 * is no cube yet or the cubes' code or reference data changed.
 */
public final class CubeJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(CubeJob.class);
  static final String PARTITION = Rollup.MONTH;

  @Override
  public JobResult run(JobContext context) {
    SparkSession spark = context.spark();
    Warehouse warehouse = context.warehouse();
    Ledger ledger = context.ledger();
    String version = CodeVersion.of("cube");
    CubeInputs in = read(spark, warehouse);
    List<String> built = warehouse.partitions("cubes/indicator_cube", PARTITION);
    YearMonth runMonth = YearMonth.from(context.runDate());
    // A run for an earlier date keeps the later months it finds: facts are never un-ingested.
    YearMonth last = built.isEmpty() ? runMonth : later(runMonth, YearMonth.parse(built.get(built.size() - 1)));
    YearMonth first = firstMonth(in);
    first = first == null || first.isAfter(last) ? last : first;
    boolean whole = built.isEmpty() || !ledger.builtWith(Ledger.CUBES).equals(Optional.of(version));
    YearMonth from = whole ? first : ledger.factsChangedFrom()
        .map(changed -> earlier(changed, YearMonth.parse(built.get(built.size() - 1)).plusMonths(1)))
        .orElse(YearMonth.parse(built.get(built.size() - 1)).plusMonths(1));
    // A month published while one of its sources was incomplete changes with the run date alone (its
    // reports fall due, its month ends): it is rebuilt once that date has come, even when no fact of it changed.
    Optional<YearMonth> open = whole ? Optional.empty() : firstCompletedSince(spark, warehouse, context.runDate());
    if (open.isPresent()) {
      from = earlier(from, open.get());
    }
    whole = whole || !from.isAfter(first);
    Map<String, Long> written = new LinkedHashMap<>();
    if (!whole && from.isAfter(last)) {
      LOG.info("cubes: no figure changed, kept as published");
      return new JobResult("cubes", List.of(), written, Map.of());
    }
    List<YearMonth> months = CubeReference.monthsBetween(whole ? first : from, last);
    CubeReference ref = CubeReference.load(months, context.runId(), context.runDate(), context.wards(),
        context.reportingUnits());
    String replaceFrom = whole ? null : from.toString();

    long t0 = System.nanoTime();
    IndicatorCube.Tables tables = IndicatorCube.tables(spark, in, ref);
    Dataset<Row> cube = tables.cube().persist();
    LOG.info("indicator cube: {} rows over {} months computed in {} ms", cube.count(), months.size(),
        (System.nanoTime() - t0) / 1_000_000);
    // The gaps and the projection first: they read the persisted cube, which writing the cube releases.
    write(warehouse, written, "skill_gaps", SkillGaps.build(cube, ref.catalog(), ref.runId()), replaceFrom);
    Dataset<Row> paced = whole ? cube : cube.select(TargetProjections.READS).unionByName(windowBefore(spark, warehouse, from));
    write(warehouse, written, "target_projection", TargetProjections.build(spark, paced, months, ref.runId()), replaceFrom);
    write(warehouse, written, "indicator_cube", cube, replaceFrom);
    write(warehouse, written, "source_months", tables.sourceMonths(), replaceFrom);
    write(warehouse, written, "learning_cube", LearningCube.build(spark, in, ref), replaceFrom);
    Dataset<Row> operators = whole ? in.telecomOperator() : in.telecomOperator().filter(col(PARTITION).geq(replaceFrom));
    write(warehouse, written, "telecom_cube", TelecomCube.build(operators, ref.runId()), replaceFrom);
    ledger.cubesBuilt(version);
    return new JobResult("cubes", List.of(), written, Map.of());
  }

  /**
   * The first published month with a source that was incomplete when it was built and that the calendar
   * completes by {@code runDate}, if any.
   */
  private static Optional<YearMonth> firstCompletedSince(SparkSession spark, Warehouse warehouse,
      java.time.LocalDate runDate) {
    Optional<String> published = warehouse.published("cubes/source_months");
    if (published.isEmpty()) {
      return Optional.empty();
    }
    Row r = spark.read().parquet(published.get())
        .filter(col("is_complete").equalTo(false).and(col("complete_from").leq(java.sql.Date.valueOf(runDate))))
        .agg(min(col(PARTITION))).first();
    return r.isNullAt(0) ? Optional.empty() : Optional.of(YearMonth.parse(r.get(0).toString()));
  }

  /** The published indicator cube's months a projection's window reaches back to before {@code from}. */
  private static Dataset<Row> windowBefore(SparkSession spark, Warehouse warehouse, YearMonth from) {
    return spark.read().parquet(warehouse.published("cubes/indicator_cube").orElseThrow())
        .filter(col(PARTITION).lt(from.toString())
            .and(col(PARTITION).geq(from.minusMonths(TargetProjection.WINDOW - 1).toString())))
        .select(TargetProjections.READS);
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth earlier(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static void write(Warehouse warehouse, Map<String, Long> written, String table, Dataset<Row> rows,
      String replaceFrom) {
    long t0 = System.nanoTime();
    long n = warehouse.writeCube(table, rows, PARTITION, replaceFrom);
    rows.unpersist();
    written.put("cubes/" + table, n);
    LOG.info("cubes/{}: wrote {} rows{} in {} ms", table, n, replaceFrom == null ? "" : " from " + replaceFrom,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** The staged tables of the warehouse, as the cube job reads them. */
  public static CubeInputs read(SparkSession spark, Warehouse warehouse) {
    return CubeInputs.of(table -> warehouse.readStaged(spark, table));
  }

  /** The first month any staged table has data for (a report's is the month its period ends), or null when all are empty. */
  public static YearMonth firstMonth(CubeInputs in) {
    Dataset<Row> firsts = month(in.contestRegistrations(), col("registered_month"))
        .unionByName(month(in.contestVisits(), date_format(col("date"), "yyyy-MM")))
        .unionByName(month(in.lmsEnrolmentHistory(), date_format(col("valid_from"), "yyyy-MM")))
        .unionByName(month(in.moocStatements(), col("local_month")))
        .unionByName(month(in.telecomOperator(), col("month")))
        .unionByName(month(in.telecomSpeedtest(), col("month")))
        .unionByName(month(in.unitReports(), date_format(col("period_end"), "yyyy-MM")));
    Row r = firsts.agg(min("m")).first();
    return r.isNullAt(0) ? null : YearMonth.parse(r.getString(0));
  }

  private static Dataset<Row> month(Dataset<Row> table, Column month) {
    return table.select(min(month).as("m"));
  }
}
