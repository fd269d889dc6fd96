package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.SmallSampleTest;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The data tests on the generated small sample's run, read from its manifest and bdhvs.duckdb's
 * data_tests: every table it wrote tested with every test of its contract, no error failing, the
 * warnings counted again here in plain SQL.
 */
@Order(2)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallSampleDataTestsTest extends SmallSampleTest {
  private static final List<String> OUTPUTS = List.of("indicator_cube", "learning_cube", "telecom_cube", "skill_gaps",
      "source_months", "target_projection", "validation_violations", "report_outliers", "rejects");


  private String runId() {
    return "'" + run.outcome().runId() + "'";
  }

  @Test
  void everyOutput_isTestedWithEveryTestOfItsContract() throws SQLException {
    for (String table : OUTPUTS) {
      assertEquals(TableContract.load("output", table).dataTests().size(),
          count("SELECT count(*) FROM data_tests WHERE run_id = " + runId() + " AND table_name = '" + table + "'"), table);
    }
  }

  @Test
  void noErrorFails() throws SQLException {
    Assertions.assertTrue(count("SELECT count(*) FROM data_tests WHERE severity = 'error'") > 100);
    assertEquals(0, count("SELECT count(*) FROM data_tests WHERE severity = 'error' AND failing_rows > 0"));
  }

  private long failing(String table, String expectation) throws SQLException {
    return count("SELECT failing_rows FROM data_tests WHERE run_id = " + runId() + " AND table_name = '" + table
        + "' AND expectation = '" + expectation + "'");
  }

  @Test
  void warnings_countTheRowsTheySay() throws SQLException {
    long aboveDenominator = count("SELECT count(*) FROM indicator_cube WHERE unit = 'percent' AND numerator > denominator");
    assertEquals(aboveDenominator, failing("indicator_cube", "numerator_within_denominator"));
    Assertions.assertTrue(aboveDenominator <= count("SELECT count(*) FROM indicator_cube WHERE status = 'check_data'"));
    long unplaced = count("SELECT count(*) FROM indicator_cube WHERE ward_code = 'UNKNOWN' AND target_group = 'ALL'"
        + " AND unit = 'count' AND value <> 0");
    Assertions.assertTrue(unplaced > 0, "the sample plants records whose ward cannot be resolved");
    assertEquals(unplaced, failing("indicator_cube", "figures_placed_in_a_ward"));
  }

  /** What an analyst's locked query session may read: the data tests and the quality tables beside the cubes. */
  @Test
  void anAnalystsQuery_readsTheDataTestsAndTheQualityTables() throws Exception {
    for (String view : List.of("data_tests", "validation_violations", "report_outliers")) {
      try (QuerySession q = warehouse.openQuerySession(); ResultSet r = q.select("SELECT count(*) FROM " + view)) {
        r.next();
        assertEquals(count("SELECT count(*) FROM " + view), r.getLong(1), view);
      }
    }
  }

  @Test
  void theManifest_recordsTheTestsAndTheirSecondsPerTable() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(new File(run.outcome().manifestPath()));
    assertEquals(count("SELECT count(*) FROM data_tests WHERE run_id = " + runId()), manifest.get("data_tests").size());
    for (String table : OUTPUTS) {
      Assertions.assertTrue(manifest.at("/data_test_seconds/" + table).isNumber(), table);
    }
    Assertions.assertTrue(manifest.get("data_test_wall_seconds").asDouble() > 0);
  }
}
