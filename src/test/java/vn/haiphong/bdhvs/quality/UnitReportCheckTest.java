package vn.haiphong.bdhvs.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;
import vn.haiphong.bdhvs.reference.PopulationDenominators;

/** The rules and the outlier methods in Spark, over a tiny {@code staged/unit_report_metrics}. */
class UnitReportCheckTest extends SharedSpark {
  private static final String WARD = "10507";

  private static Object[] report(String unit, String ward, String period, int version, boolean current) {
    return new Object[] {"unit_code", unit, "ward_code", ward, "period", period, "period_type", "month",
        "version", version, "is_current", current};
  }

  private static void metric(StagedRows rows, Object[] report, String code, double value) {
    rows.row(StagedRows.with(report, "metric_code", code, "value", value));
  }

  private Dataset<Row> violations() {
    StagedRows rows = StagedRows.staged("unit_report_metrics");
    Object[] superseded = report("UB-" + WARD, WARD, "2025-11", 1, false);
    metric(rows, superseded, "officials_skilled", 500);
    metric(rows, superseded, "officials_total", 100);
    Object[] ward = report("UB-" + WARD, WARD, "2025-11", 2, true);
    metric(rows, ward, "officials_skilled", 90);
    metric(rows, ward, "officials_total", 100);
    metric(rows, ward, "community_class_held", 3);
    metric(rows, ward, "adults_total", 999_999);
    metric(rows, ward, "mentors", 50);
    metric(rows, ward, "mentees", 10);
    Object[] department = report("SO-GDDT", null, "2025-11", 1, true);
    metric(rows, department, "edu_institutions_total", 5015);
    metric(rows, department, "edu_institutions_community", 10);
    metric(rows, department, "adults_total", 999_999);
    ValidationRules rules = ValidationRules.load();
    Dataset<Row> values = ReportedValues.of(rows.frame(spark()), PopulationDenominators.load(), rules.operands());
    return RuleViolations.find(values, rules.rules());
  }

  private static Set<String> keys(List<Row> rows, String... columns) {
    Set<String> keys = new TreeSet<>();
    for (Row r : rows) {
      StringBuilder key = new StringBuilder();
      for (String c : columns) {
        key.append(key.length() == 0 ? "" : " ").append((Object) r.getAs(c));
      }
      keys.add(key.toString());
    }
    return keys;
  }

  @Test
  void find_currentReportsBreakingRules_skipsRulesWithAMissingSide() {
    List<Row> found = violations().collectAsList();
    assertEquals(Set.of("SO-GDDT VR11", "UB-10507 VR01", "UB-10507 VR10", "UB-10507 VR12"),
        keys(found, "unit_code", "rule_id"));
    Row adults = found.stream().filter(r -> r.getAs("rule_id").equals("VR12")).findFirst().orElseThrow();
    assertEquals(999_999.0, (double) adults.getAs("left_value"));
    assertEquals((double) PopulationDenominators.load().find(WARD, 2025, "adults").orElseThrow().value(),
        (double) adults.getAs("right_value"));
    Row classes = found.stream().filter(r -> r.getAs("rule_id").equals("VR01")).findFirst().orElseThrow();
    assertEquals("in", classes.getAs("operator"));
    assertTrue(classes.isNullAt(classes.fieldIndex("right_value")));
  }

  @Test
  void firstSeen_keepsTheDayAViolationWasFirstFound() {
    Dataset<Row> first = RuleViolations.firstSeen(violations().filter("rule_id = 'VR01'"), null,
        LocalDate.of(2025, 12, 1), "run-1");
    List<Row> second = RuleViolations.firstSeen(violations(), first, LocalDate.of(2025, 12, 5), "run-2").collectAsList();
    assertEquals(Set.of("VR01 2025-12-01 run-1 run-2", "VR10 2025-12-05 run-2 run-2", "VR11 2025-12-05 run-2 run-2",
        "VR12 2025-12-05 run-2 run-2"), keys(second, "rule_id", "first_seen", "first_seen_run", "run_id"));
  }

  @Test
  void outliers_eachMethodFlagsItsPlantedValue() {
    StagedRows rows = StagedRows.staged("unit_report_metrics");
    double[] mentees = OutlierStatisticsTest.ONE_PLANTED;
    double[] mentors = OutlierStatisticsTest.SHORT_WITH_SPREAD;
    for (int m = 0; m < 12; m++) {
      Object[] report = report("UB-" + WARD, WARD, String.format("2025-%02d", m + 1), 1, true);
      metric(rows, report, "mentees", mentees[m]);
      if (m < mentors.length) {
        metric(rows, report, "mentors", mentors[m]);
      }
      // Cumulative: falls once, in March.
      metric(rows, report, "officials_skilled", m == 2 ? 40 : 50 + m);
      if (m < 4) {
        // Too few periods for the statistics: only its bound judges it.
        metric(rows, report, "community_class_held", m == 3 ? 3 : 1);
      }
    }
    List<Row> found = ReportOutliers.find(rows.frame(spark()), MetricProfiles.load().frame(spark()), "run-1")
        .collectAsList();
    assertEquals(Set.of("2025-12 mentees z_score", "2025-06 mentors modified_z_score",
        "2025-03 officials_skilled cumulative_fall", "2025-04 community_class_held min_max"),
        keys(found, "period", "metric_code", "method"));
    Row fall = found.stream().filter(r -> r.getAs("method").equals("cumulative_fall")).findFirst().orElseThrow();
    assertEquals(51.0, (double) fall.getAs("lower_bound"));
    assertEquals(-11.0, (double) fall.getAs("score"));
    Row z = found.stream().filter(r -> r.getAs("method").equals("z_score")).findFirst().orElseThrow();
    assertEquals(Math.sqrt(11), (double) z.getAs("score"), 1e-9);
    assertEquals(12, (int) z.getAs("history_periods"));
  }
}
