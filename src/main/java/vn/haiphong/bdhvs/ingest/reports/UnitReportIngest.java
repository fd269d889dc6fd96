package vn.haiphong.bdhvs.ingest.reports;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import vn.haiphong.bdhvs.ingest.ReadResult;
import vn.haiphong.bdhvs.ingest.SourceRun;
import vn.haiphong.bdhvs.runtime.Job;
import vn.haiphong.bdhvs.runtime.JobContext;
import vn.haiphong.bdhvs.runtime.JobResult;

/**
 * Unit reports (docs/specification.md §2.5): a later {@code submitted_at} for the same unit × period supersedes the
 * earlier document, and the history is kept — every version stays, numbered, with the current one
 * marked.
 */
public final class UnitReportIngest implements Job {

  @Override
  public JobResult run(JobContext ctx) {
    SourceRun run = new SourceRun(ctx, "unit-reports");
    ReadResult read = run.read("unit_reports", new UnitReportParser(ctx.reportingUnits(), ctx.wards(), ctx.targetGroups()));
    Dataset<Row> reports = withVersions(read.accepted()).persist();
    run.write("unit_reports", reports, read);
    run.write("unit_report_metrics", metrics(reports), read);
    // A new version changes its unit × period: the figures of the month the period ends (when it falls due).
    run.recordChangedMonths(read, date_format(col("period_end"), "yyyy-MM"));
    reports.unpersist();
    return run.finish();
  }

  /** Numbers the documents of each unit × period by submission time and marks the latest current. */
  public static Dataset<Row> withVersions(Dataset<Row> reports) {
    WindowSpec byUnitPeriod = Window.partitionBy(col("unit_code"), col("period_type"), col("period"))
        .orderBy(col("submitted_at"), col("delivery_folder"), col("source_file"));
    return reports
        .withColumn("version", row_number().over(byUnitPeriod))
        .withColumn("superseded_at", lead(col("submitted_at"), 1).over(byUnitPeriod))
        .withColumn("is_current", col("superseded_at").isNull());
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
