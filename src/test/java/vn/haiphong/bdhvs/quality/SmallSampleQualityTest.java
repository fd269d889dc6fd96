package vn.haiphong.bdhvs.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.haiphong.bdhvs.GeneratedRun;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/**
 * check_unit_reports on the generated small sample, read from bdhvs.duckdb: the generator's reports
 * are plausible except a few typing errors it plants on purpose (a number of sessions for a yes/no
 * answer, mentors swapped with mentees, a digit too many in a department's count of education
 * institutions, a digit dropped from a cumulative figure); each count is computed again here in
 * plain SQL over the staged metrics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallSampleQualityTest extends SharedSpark {
  /** The current reports, one row per unit × period, a column per metric. */
  private static final String CURRENT = """
      (SELECT unit_code, period_type, period,
              sum(value) FILTER (metric_code = 'community_class_held') AS community_class_held,
              sum(value) FILTER (metric_code = 'mentors') AS mentors,
              sum(value) FILTER (metric_code = 'mentees') AS mentees,
              sum(value) FILTER (metric_code = 'edu_institutions_total') AS edu_institutions_total
       FROM staged_unit_report_metrics WHERE is_current GROUP BY ALL)""";

  private GeneratedRun run;
  private DuckDbWarehouse warehouse;

  @BeforeAll
  void runSample() {
    runBefore();
    run = SmallSampleRun.get(spark());
    warehouse = new DuckDbWarehouse(run.warehouse());
  }

  private long count(String sql) throws SQLException {
    try (Connection c = warehouse.openReadOnly(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private long violations(String rule) throws SQLException {
    return count("SELECT count(*) FROM validation_violations WHERE rule_id = '" + rule + "'");
  }

  @Test
  void communityClassHeld_everyValueOtherThanZeroOrOneIsAViolation() throws SQLException {
    long expected = count("SELECT count(*) FROM " + CURRENT + " WHERE community_class_held NOT IN (0, 1)");
    Assertions.assertTrue(expected > 0, "the generator no longer plants a yes/no answer other than 0/1");
    assertEquals(expected, violations("VR01"));
  }

  @ParameterizedTest
  @CsvSource({"VR10, mentors > mentees", "VR11, edu_institutions_total > 2000"})
  void plantedImplausibleFigures_areViolations(String rule, String broken) throws SQLException {
    long expected = count("SELECT count(*) FROM " + CURRENT + " WHERE " + broken);
    Assertions.assertTrue(expected > 0, "the generator no longer plants reports where " + broken);
    assertEquals(expected, violations(rule));
  }

  @Test
  void everyViolation_findsItsRuleAndVietnameseDescription() throws SQLException {
    assertEquals(ValidationRules.load().rules().size(), count("SELECT count(*) FROM dim_validation_rule"));
    assertEquals(0, count("SELECT count(*) FROM validation_violations v LEFT JOIN dim_validation_rule r USING (rule_id)"
        + " WHERE r.description_vi IS NULL"));
  }

  @Test
  void violations_firstSeenOnTheFirstRun() throws SQLException {
    assertEquals(0, count("SELECT count(*) FROM validation_violations WHERE first_seen_run <> run_id"));
  }

  @Test
  void cumulativeMetricsThatFall_areFlagged() throws SQLException {
    String cumulative = MetricProfiles.load().profiles().stream().filter(MetricProfiles.Profile::cumulative)
        .map(p -> "'" + p.metricCode() + "'").collect(Collectors.joining(", "));
    long expected = count("""
        SELECT count(*) FROM (
          SELECT value < lag(value) OVER (PARTITION BY unit_code, period_type, metric_code ORDER BY period) AS fell
          FROM (SELECT unit_code, period_type, period, metric_code, sum(value) AS value
                FROM staged_unit_report_metrics WHERE is_current GROUP BY ALL)
          WHERE metric_code IN (%s))
        WHERE fell""".formatted(cumulative));
    Assertions.assertTrue(expected > 0);
    assertEquals(expected, count("SELECT count(*) FROM report_outliers WHERE method = 'cumulative_fall'"));
  }

  @Test
  void threeMonthsOfHistory_giveTheStatisticsNoJudgment() throws SQLException {
    assertEquals(0, count("SELECT count(*) FROM report_outliers WHERE method IN ('z_score', 'modified_z_score')"));
  }

  @Test
  void jobResult_countsWhatTheWarehouseHolds() throws SQLException {
    var written = run.outcome().results().get("check_unit_reports").tablesWritten();
    assertEquals(count("SELECT count(*) FROM validation_violations"), written.get("quality/validation_violations"));
    assertEquals(count("SELECT count(*) FROM report_outliers"), written.get("quality/report_outliers"));
  }
}
