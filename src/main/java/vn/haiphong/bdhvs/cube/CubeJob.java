package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
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
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.warehouse.CodeVersion;
import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code build_cubes}: reads the staged tables, writes the indicator cube, the reported-vs-measured
 * gaps, the projections of when each target is met, the learning cube and the telecom cube under {@code cubes/}, each partitioned by month.
 * Which months a night builds is the {@link RebuildPlan}'s to say, from the published months, the
 * ledger's earliest changed month ({@link Ledger#factsChangedFrom}) and the cubes' code version.
 */
public final class CubeJob implements Job<CubeContext> {
  private static final Logger LOG = LoggerFactory.getLogger(CubeJob.class);
  static final String PARTITION = Rollup.MONTH;

  @Override
  public JobResult run(CubeContext context) {
    SparkSession spark = context.run().spark();
    Warehouse warehouse = context.run().warehouse();
    Ledger ledger = context.ledger();
    String version = CodeVersion.of("cube");
    CubeInputs in = read(spark, warehouse);
    List<YearMonth> built = warehouse.partitions("cubes/indicator_cube", PARTITION).stream().map(YearMonth::parse).toList();
    boolean sameVersion = ledger.builtWith(Ledger.CUBES).equals(Optional.of(version));
    // Only a cube kept in part asks which months the date alone completed (a Spark read).
    Optional<YearMonth> completed = built.isEmpty() || !sameVersion ? Optional.empty()
        : firstCompletedSince(spark, warehouse, context.run().runDate());
    RebuildPlan plan = RebuildPlan.of(new RebuildPlan.Facts(YearMonth.from(context.run().runDate()), built,
        Optional.ofNullable(firstMonth(in)), sameVersion, ledger.factsChangedFrom(), completed));
    Map<String, Long> written = new LinkedHashMap<>();
    if (plan.nothingToBuild()) {
      LOG.info("cubes: no figure changed, kept as published");
      return new JobResult("cubes", List.of(), written, Map.of());
    }
    List<YearMonth> months = plan.months();
    CubeReference ref = CubeReference.load(months, context.run().runId(), context.run().runDate(), context.wards(),
        context.reportingUnits());
    boolean whole = plan.whole();
    YearMonth from = plan.first();
    String replaceFrom = plan.replaceFrom().map(YearMonth::toString).orElse(null);

    long t0 = System.nanoTime();
    IndicatorCube.Tables tables = IndicatorCube.tables(spark, in, ref);
    Dataset<Row> cube = tables.cube(); // computed: the engine keeps figures, not their plans
    LOG.info("indicator cube: {} rows over {} months computed in {} ms", cube.count(), months.size(),
        (System.nanoTime() - t0) / 1_000_000);
    write(warehouse, written, "skill_gaps", SkillGaps.build(cube, ref.catalog(), ref.runId()), replaceFrom);
    Dataset<Row> paced = whole ? cube : cube.select(TargetProjections.READS).unionByName(windowBefore(spark, warehouse, from));
    write(warehouse, written, "target_projection", TargetProjections.build(spark, paced, months, ref.runId()), replaceFrom);
    write(warehouse, written, "indicator_cube", cube, replaceFrom);
    write(warehouse, written, "source_months", tables.sourceMonths(), replaceFrom);
    write(warehouse, written, "learning_cube", LearningCube.build(spark, in, ref), replaceFrom);
    Dataset<Row> operators = in.table("telecom_operator");
    operators = whole ? operators : operators.filter(col(PARTITION).geq(replaceFrom));
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

  private static void write(Warehouse warehouse, Map<String, Long> written, String table, Dataset<Row> rows,
      String replaceFrom) {
    long t0 = System.nanoTime();
    long n = warehouse.writeCube(table, rows, PARTITION, replaceFrom);
    written.put("cubes/" + table, n);
    LOG.info("cubes/{}: wrote {} rows{} in {} ms", table, n, replaceFrom == null ? "" : " from " + replaceFrom,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** The staged tables of the warehouse, as the cube job reads them. */
  public static CubeInputs read(SparkSession spark, Warehouse warehouse) {
    return CubeInputs.of(table -> warehouse.readStaged(spark, table));
  }

  /**
   * The first month any staged table has data for, by each table's month ({@link TableContract#rowMonth()}:
   * a report's is the month its period ends), or null when all are empty.
   */
  public static YearMonth firstMonth(CubeInputs in) {
    Dataset<Row> firsts = null;
    for (Map.Entry<String, Dataset<Row>> table : in.byTable().entrySet()) {
      Optional<Column> month = TableContract.load("staged", table.getKey()).rowMonth();
      if (month.isPresent()) {
        Dataset<Row> first = table.getValue().select(min(month.get()).as("m"));
        firsts = firsts == null ? first : firsts.unionByName(first);
      }
    }
    Row r = firsts.agg(min("m")).first();
    return r.isNullAt(0) ? null : YearMonth.parse(r.getString(0));
  }
}
