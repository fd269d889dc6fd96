package vn.haiphong.bdhvs.ingest.reports;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.CsvFileParser;
import vn.haiphong.bdhvs.ingest.IngestContext;
import vn.haiphong.bdhvs.ingest.ReadResult;
import vn.haiphong.bdhvs.ingest.SourceRun;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;

/**
 * Unit reports (docs/specification.md §2.5): a later {@code submitted_at} for the same unit × period supersedes the
 * earlier document, and the history is kept — every version stays, numbered, with the current one
 * marked — unless the city approved a version: the unit × period is then locked on it until the city
 * returns it (the approvals feed, read here too because it decides which version is current).
 */
public final class UnitReportIngest implements Job<IngestContext> {
  /** What a decision is, apart from where it was read. */
  private static final Column[] DECIDED = java.util.stream.Stream.of("unit_code", "period_type", "period", "version",
      "decision", "decided_at").map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

  @Override
  public JobResult run(IngestContext ctx) {
    SourceRun run = new SourceRun(ctx, "unit-reports");
    ReadResult read = run.read("unit_reports", new UnitReportParser(ctx.reportingUnits(), ctx.wards(), ctx.targetGroups()));
    Dataset<Row> numbered = numbered(read.accepted()).persist();
    ReportVersions versions = ReportVersions.of(numbered);
    // Parsed against the versions held: a new version re-reads the approvals (a few rows a day).
    ReadResult approvals = run.read("unit_report_approvals", new CsvFileParser(
        TableContract.load("input", "unit_report_approvals"), new ApprovalParser(ctx.reportingUnits(), versions)),
        versions.fingerprint());
    Dataset<Row> decisions = decisions(approvals.accepted()).persist();
    if (approvals.changed()) {
      // Against the decisions published, before this run's replace them.
      run.recordChangedMonths(monthsDecided(decisions, ctx.run().warehouse().published("staged/unit_report_approvals")));
    }
    Dataset<Row> reports = withApprovals(numbered, decisions).persist();
    run.write("unit_reports", reports, read, approvals);
    run.write("unit_report_metrics", metrics(reports), read, approvals);
    run.write("unit_report_approvals", decisions, approvals);
    // A new version changes its unit × period: the figures of the month the period ends (when it falls due).
    run.recordChangedMonths(read, "unit_reports");
    reports.unpersist();
    decisions.unpersist();
    numbered.unpersist();
    return run.finish();
  }

  /** Numbers the documents of each unit × period by submission time, and marks the latest current (no approvals). */
  public static Dataset<Row> numbered(Dataset<Row> reports) {
    WindowSpec byUnitPeriod = Window.partitionBy(unitKey(col("unit_code")), col("period_type"), col("period"))
        .orderBy(col("submitted_at"), col("delivery_folder"), col("source_file"));
    return reports
        .withColumn("version", row_number().over(byUnitPeriod))
        .withColumn("superseded_at", lead(col("submitted_at"), 1).over(byUnitPeriod));
  }

  /**
   * The lock rule, here and nowhere else (docs/specification.md §2.5): the city's latest decision on a unit × period
   * is in force; while it is {@code approved}, the version approved is current and approved, and a
   * later resubmission stays in the history without replacing it; with {@code returned}, or no
   * decision, the latest version is current.
   */
  public static Dataset<Row> withApprovals(Dataset<Row> numbered, Dataset<Row> decisions) {
    Dataset<Row> inForce = decisions.filter(col("in_force")).select(unitKey(col("unit_code")).as("_unit"),
        col("period_type").as("_period_type"), col("period").as("_period"), col("version").as("_decided_version"),
        col("decision").as("_decision"));
    Column locked = coalesce(col("_decision").equalTo(ApprovalParser.APPROVED), lit(false));
    Column approved = locked.and(col("version").equalTo(col("_decided_version")));
    return numbered
        .join(inForce, unitKey(col("unit_code")).equalTo(col("_unit"))
            .and(col("period_type").equalTo(col("_period_type"))).and(col("period").equalTo(col("_period"))), "left")
        .withColumn("is_approved", approved)
        .withColumn("is_current", when(locked, approved).otherwise(col("superseded_at").isNull()))
        .drop("_unit", "_period_type", "_period", "_decided_version", "_decision");
  }

  /** Every decision kept, the latest of each unit × period (by decision time, then delivery) marked in force. */
  static Dataset<Row> decisions(Dataset<Row> approvals) {
    WindowSpec latestFirst = Window.partitionBy(col("unit_code"), col("period_type"), col("period"))
        .orderBy(col("decided_at").desc(), col("delivery_folder").desc(), col("source_file").desc(),
            col("source_line").desc());
    return approvals.withColumn("in_force", row_number().over(latestFirst).equalTo(1));
  }

  /**
   * The months whose figures this run's decisions can move: those of the decisions that differ from
   * the ones published ({@code published}, none on a new warehouse). Approvals are read again
   * whenever a version is added, all of them; most give the same decisions then, and move nothing.
   */
  static Dataset<Row> monthsDecided(Dataset<Row> decisions, java.util.Optional<String> published) {
    Dataset<Row> now = decisions.select(DECIDED);
    Dataset<Row> before = published.map(p -> decisions.sparkSession().read().parquet(p).select(DECIDED))
        .orElse(now.limit(0));
    List<String> periods = now.except(before).union(before.except(now)).select(col("period")).distinct()
        .as(Encoders.STRING()).collectAsList();
    List<String> months = periods.stream().map(p -> YearMonth.from(ReportPeriod.ofLabel(p).end()).toString()).toList();
    return now.sparkSession().createDataset(months, Encoders.STRING()).toDF(SourceRun.MONTH);
  }

  /** Unit codes are typed by hand: one unit however its code is cased or padded. */
  private static Column unitKey(Column unitCode) {
    return upper(trim(unitCode));
  }

  /** One row per reported metric, carrying its document's version and currency. */
  public static Dataset<Row> metrics(Dataset<Row> reports) {
    return reports
        .filter(size(col("metrics")).gt(0))
        .select(col("report_id"), col("unit_code"), col("ward_code"), col("period"),
            col("period_type"), col("version"), col("is_current"), col("submitted_at"),
            col("source_file"), posexplode(col("metrics")).as(new String[] {"metric_index", "metric"}))
        .select(col("report_id"), col("unit_code"), col("ward_code"), col("period"),
            col("period_type"), col("version"), col("is_current"), col("submitted_at"),
            col("metric.metric_code").as("metric_code"), col("metric.target_group").as("target_group"),
            col("metric.value").as("value"), col("source_file"), col("metric_index"));
  }
}
