package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.min;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.runtime.Job;
import vn.haiphong.bdhvs.runtime.JobContext;
import vn.haiphong.bdhvs.runtime.JobResult;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code build_cubes}: reads the staged tables, writes the indicator cube, the reported-vs-measured
 * gaps, the learning cube and the telecom cube under {@code cubes/}, each partitioned by month.
 */
public final class CubeJob implements Job {
  private static final Logger LOG = LoggerFactory.getLogger(CubeJob.class);
  static final String PARTITION = Rollup.MONTH;

  @Override
  public JobResult run(JobContext context) {
    SparkSession spark = context.spark();
    Warehouse warehouse = context.warehouse();
    CubeInputs in = read(spark, warehouse);
    CubeReference ref = reference(in, YearMonth.from(context.runDate()), context.runId(), context.wards(),
        context.reportingUnits());

    Map<String, Long> written = new LinkedHashMap<>();
    long t0 = System.nanoTime();
    Dataset<Row> cube = IndicatorCube.build(spark, in, ref).persist();
    LOG.info("indicator cube: {} rows over {} months computed in {} ms", cube.count(), ref.months().size(),
        (System.nanoTime() - t0) / 1_000_000);
    write(warehouse, written, "indicator_cube", cube);
    write(warehouse, written, "skill_gaps", SkillGaps.build(cube, ref.catalog(), ref.runId()).persist());
    cube.unpersist();
    write(warehouse, written, "learning_cube", LearningCube.build(spark, in, ref).persist());
    write(warehouse, written, "telecom_cube", TelecomCube.build(in.telecomOperator(), ref.runId()).persist());
    return new JobResult("cubes", List.of(), written, Map.of());
  }

  private static void write(Warehouse warehouse, Map<String, Long> written, String table, Dataset<Row> rows) {
    long t0 = System.nanoTime();
    long n = warehouse.writeCube(table, rows, PARTITION);
    rows.unpersist();
    written.put("cubes/" + table, n);
    LOG.info("cubes/{}: wrote {} rows in {} ms", table, n, (System.nanoTime() - t0) / 1_000_000);
  }

  /** The reference of a cube build for {@code runMonth}: every month from the first with data to it. */
  public static CubeReference reference(CubeInputs in, YearMonth runMonth, String runId, WardDirectory wards,
      ReportingUnits units) {
    YearMonth first = firstMonth(in);
    List<YearMonth> months = CubeReference.monthsBetween(
        first == null || first.isAfter(runMonth) ? runMonth : first, runMonth);
    return CubeReference.load(months, runId, wards, units);
  }

  /** The staged tables of the warehouse, as the cube job reads them. */
  public static CubeInputs read(SparkSession spark, Warehouse warehouse) {
    Function<String, Dataset<Row>> staged = table -> spark.read().parquet(warehouse.stagedPath(table));
    return new CubeInputs(staged.apply("contest_registrations"), staged.apply("contest_visits"),
        staged.apply("lms_enrolment_history"), staged.apply("mooc_statements"), staged.apply("telecom_operator"),
        staged.apply("telecom_speedtest"), staged.apply("unit_reports"), staged.apply("unit_report_metrics"));
  }

  /** The first month any staged table has data for (a report's is the month its period ends), or null when all are empty. */
  static YearMonth firstMonth(CubeInputs in) {
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
