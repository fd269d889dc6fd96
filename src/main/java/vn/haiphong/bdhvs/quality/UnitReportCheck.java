package vn.haiphong.bdhvs.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.reference.PopulationDenominators;
import vn.haiphong.bdhvs.warehouse.CodeVersion;
import vn.haiphong.bdhvs.warehouse.RunContext;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code check_unit_reports}: the current version of every unit report against the validation rules
 * ({@code quality/validation_violations}) and each unit's metric series for outliers
 * ({@code quality/report_outliers}). Both tables are rebuilt whole when the reported metrics, the
 * rules or the code changed since they were built, and kept as published otherwise (neither depends on
 * the date alone); a violation keeps the day it was first found. Reports are flagged, never changed or
 * dropped.
 */
public final class UnitReportCheck implements Job<QualityContext> {
  private static final Logger LOG = LoggerFactory.getLogger(UnitReportCheck.class);
  static final String FOLDER = "quality";
  static final String VIOLATIONS = "validation_violations";
  static final String OUTLIERS = "report_outliers";
  private static final String METRICS = "unit_report_metrics";

  @Override
  public JobResult run(QualityContext quality) {
    // The rule file first: a bad one stops the run before any work, naming its line.
    ValidationRules rules = ValidationRules.load();
    MetricProfiles profiles = MetricProfiles.load();
    RunContext context = quality.run();
    SparkSession spark = context.spark();
    Warehouse warehouse = context.warehouse();
    // The rules, profiles and population denominators are reference data, which the code version covers.
    String builtFrom = CodeVersion.of("quality") + " " + METRICS + "@" + warehouse.stagedVersion(METRICS);
    if (quality.ledger().builtWith(FOLDER).equals(Optional.of(builtFrom))
        && warehouse.published(FOLDER + "/" + VIOLATIONS).isPresent() && warehouse.published(FOLDER + "/" + OUTLIERS).isPresent()) {
      LOG.info("quality: no unit report, rule or code changed, kept as published");
      return new JobResult(FOLDER, List.of(), Map.of(), Map.of());
    }
    Dataset<Row> metrics = warehouse.readStaged(spark, METRICS);
    Map<String, Long> written = new LinkedHashMap<>();

    Dataset<Row> values = ReportedValues.of(metrics, PopulationDenominators.load(), rules.operands()).persist();
    Dataset<Row> previous = warehouse.published(FOLDER + "/" + VIOLATIONS).map(p -> spark.read().parquet(p)).orElse(null);
    Dataset<Row> violations = RuleViolations.firstSeen(RuleViolations.find(values, rules.rules()), previous,
        context.runDate(), context.runId()).persist();
    write(warehouse, written, VIOLATIONS, violations);
    values.unpersist();

    Dataset<Row> outliers = ReportOutliers.find(metrics, profiles.frame(spark), context.runId()).persist();
    write(warehouse, written, OUTLIERS, outliers);
    quality.ledger().built(FOLDER, builtFrom);
    return new JobResult(FOLDER, List.of(), written, Map.of());
  }

  private static void write(Warehouse warehouse, Map<String, Long> written, String table, Dataset<Row> rows) {
    long n = warehouse.writeOutput(FOLDER, table, rows);
    rows.unpersist();
    written.put(FOLDER + "/" + table, n);
    LOG.info("{}/{}: {} rows", FOLDER, table, n);
  }
}
