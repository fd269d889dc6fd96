package vn.haiphong.bdhvs.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.SmallSampleTest;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/**
 * The generated small sample through the pipeline, read from bdhvs.duckdb, reconciled with what the generator
 * planted by construction (its expected ledger, {@code _generated/expected.json}): the typing errors it plants
 * on purpose as validation violations per rule and outliers per method, and nothing else; the city's decisions
 * on unit reports — approvals, returns, reports sent again after a return or after an approval (which stay
 * locked) and the lines to reject — and the late reports of each period.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallSampleQualityTest extends SmallSampleTest {

  /** A count the generator states in its ledger; it plants at least one of each. */
  private long planted(String fact) {
    long n = (long) run.fact(fact);
    Assertions.assertTrue(n > 0, "the generator no longer plants " + fact);
    return n;
  }

  /** The ledger's facts named {@code prefix<key>}, by key. */
  private Map<String, Long> plantedByKey(String prefix) {
    Map<String, Long> out = new TreeMap<>();
    run.expected().get("facts").fields().forEachRemaining(f -> {
      if (f.getKey().startsWith(prefix)) {
        out.put(f.getKey().substring(prefix.length()), f.getValue().asLong());
      }
    });
    Assertions.assertFalse(out.isEmpty(), "the ledger states no " + prefix + "*");
    return out;
  }

  private Map<String, Long> counted(String sql) throws SQLException {
    Map<String, Long> out = new TreeMap<>();
    try (Connection c = warehouse.openReadOnly(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.put(r.getString(1), r.getLong(2));
      }
    }
    return out;
  }

  @Test
  void violations_perRule_areTheSlipsPlanted_andNoOther() throws SQLException {
    assertEquals(plantedByKey("validation_violations_"),
        counted("SELECT rule_id, count(*) FROM validation_violations GROUP BY rule_id"));
  }

  @Test
  void outliers_perMethod_areTheSlipsPlanted_andNoOther() throws SQLException {
    assertEquals(plantedByKey("report_outliers_"), counted("SELECT method, count(*) FROM report_outliers GROUP BY method"));
  }

  @Test
  void lateReports_perPeriod_areThoseThatCameAfterTheDeadline() throws SQLException {
    Map<String, Long> late = counted("SELECT replace(period, '-', '_'), count(*) FROM staged_unit_reports"
        + " WHERE version = 1 AND NOT on_time AND unit_kind IS NOT NULL GROUP BY period");
    for (String period : new String[] {"2025_09", "2025_10", "2025_11", "2025_Q3"}) {
      assertEquals((long) run.fact("unit_reports_" + period + "_late"), late.getOrDefault(period, 0L), period);
    }
  }

  @Test
  void decisions_approvedAndReturned_areThoseDelivered() throws SQLException {
    assertEquals(Map.of("approved", planted("approval_decisions_approved"), "returned", planted("approval_decisions_returned")),
        counted("SELECT decision, count(*) FROM staged_unit_report_approvals GROUP BY decision"));
  }

  @Test
  void decisionsNoRunCanApply_areRejectedEachWithItsReason() throws SQLException {
    Map<String, Long> expected = new TreeMap<>();
    for (JsonNode f : run.expected().get("files")) {
      if (f.get("table").asText().equals("unit_report_approvals")) {
        f.get("rejected_by_reason").fields().forEachRemaining(r -> expected.merge(r.getKey(), r.getValue().asLong(), Long::sum));
      }
    }
    assertEquals(Map.of("bad_date", 1L, "bad_value", 1L, "future_period", 1L, "unknown_unit", 1L, "unknown_version", 1L),
        expected);
    assertEquals(expected, counted("SELECT reason_code, count(*) FROM rejects WHERE file LIKE 'unit-reports/approvals/%'"
        + " GROUP BY reason_code"));
  }

  @Test
  void approvedReports_areLockedOnTheVersionApproved_evenWhenSentAgain() throws SQLException {
    assertEquals(planted("unit_reports_locked"), count("SELECT count(*) FROM staged_unit_reports WHERE is_approved"));
    assertEquals(0, count("SELECT count(*) FROM staged_unit_reports WHERE is_approved AND NOT is_current"));
    assertEquals(planted("unit_reports_locked_resubmitted"), count("""
        SELECT count(*) FROM staged_unit_reports a JOIN staged_unit_reports later
          ON later.unit_code = a.unit_code AND later.period_type = a.period_type AND later.period = a.period
         AND later.version > a.version
        WHERE a.is_approved AND NOT later.is_current"""));
  }

  @Test
  void returnedReports_sentAgain_andTheLatestVersionCountsWhileTheReturnIsInForce() throws SQLException {
    assertEquals(planted("unit_reports_returned_resubmitted"), count("""
        SELECT count(DISTINCT d.unit_code || d.period) FROM staged_unit_report_approvals d JOIN staged_unit_reports r
          ON r.unit_code = d.unit_code AND r.period_type = d.period_type AND r.period = d.period
         AND r.submitted_at > d.decided_at
        WHERE d.decision = 'returned'"""));
    assertEquals(planted("unit_reports_returned_in_force"), count("""
        SELECT count(*) FROM staged_unit_report_approvals d JOIN staged_unit_reports r
          ON r.unit_code = d.unit_code AND r.period_type = d.period_type AND r.period = d.period
        WHERE d.in_force AND d.decision = 'returned' AND r.is_current AND r.superseded_at IS NULL AND NOT r.is_approved"""));
  }

  @Test
  void cube_countsTheApprovedReports_andFiguresRestingOnOthersAreProvisional() throws SQLException {
    // Every decision is on a monthly report with figures: ALL's approved units add up to the locked reports.
    assertEquals(planted("unit_reports_locked"), count("SELECT sum(approved_units) FROM indicator_cube"
        + " WHERE ward_code = 'ALL' AND target_group = 'ALL' AND indicator_code = 'PS_SKILLED_RATE'"));
    assertEquals(0, count("SELECT count(*) FROM indicator_cube WHERE approved_units < reporting_units AND NOT is_provisional"));
    Assertions.assertTrue(count("SELECT count(*) FROM indicator_cube WHERE approved_units = reporting_units"
        + " AND reporting_units > 0") > 0, "some ward's reported figures rest on approved reports only");
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
