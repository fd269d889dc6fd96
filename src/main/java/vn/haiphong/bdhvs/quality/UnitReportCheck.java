package vn.haiphong.bdhvs.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.reference.PopulationDenominators;
import vn.haiphong.bdhvs.warehouse.RunContext;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code check_unit_reports}: every night, the current version of every unit report against the
 * validation rules ({@code quality/validation_violations}) and each unit's metric series for
 * outliers ({@code quality/report_outliers}). Both tables are rebuilt whole; a violation keeps
 * the day it was first found. Reports are flagged, never changed or dropped.
 */
public final class UnitReportCheck implements Job<RunContext> {
  private static final Logger LOG = LoggerFactory.getLogger(UnitReportCheck.class);
  static final String FOLDER = "quality";
  static final String VIOLATIONS = "validation_violations";
  static final String OUTLIERS = "report_outliers";

  @Override
  public JobResult run(RunContext context) {
    // The rule file first: a bad one stops the run before any work, naming its line.
    ValidationRules rules = ValidationRules.load();
    MetricProfiles profiles = MetricProfiles.load();
    SparkSession spark = context.spark();
    Warehouse warehouse = context.warehouse();
    Dataset<Row> metrics = warehouse.readStaged(spark, "unit_report_metrics");
    Map<String, Long> written = new LinkedHashMap<>();

    Dataset<Row> values = ReportedValues.of(metrics, PopulationDenominators.load(), rules.operands()).persist();
    Dataset<Row> previous = warehouse.published(FOLDER + "/" + VIOLATIONS).map(p -> spark.read().parquet(p)).orElse(null);
    Dataset<Row> violations = RuleViolations.firstSeen(RuleViolations.find(values, rules.rules()), previous,
        context.runDate(), context.runId()).persist();
    write(warehouse, written, VIOLATIONS, violations);
    values.unpersist();

    Dataset<Row> outliers = ReportOutliers.find(metrics, profiles.frame(spark), context.runId()).persist();
    write(warehouse, written, OUTLIERS, outliers);
    return new JobResult(FOLDER, List.of(), written, Map.of());
  }

  private static void write(Warehouse warehouse, Map<String, Long> written, String table, Dataset<Row> rows) {
    long n = warehouse.writeOutput(FOLDER, table, rows);
    rows.unpersist();
    written.put(FOLDER + "/" + table, n);
    LOG.info("{}/{}: {} rows", FOLDER, table, n);
  }
}
