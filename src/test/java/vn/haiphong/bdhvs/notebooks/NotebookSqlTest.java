package vn.haiphong.bdhvs.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;
import vn.haiphong.bdhvs.warehouse.QuerySession;

/**
 * Every SQL file the notebooks run, against the bdhvs.duckdb of a freshly built small warehouse
 * (the generated sample through the whole pipeline), in the locked session {@code bdhvs query} opens
 * (one SELECT, no file beyond the views): it must run and return rows, so no notebook drifts from the schema unnoticed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookSqlTest extends SharedSpark {
  private DuckDbWarehouse warehouse;

  @BeforeAll
  void buildWarehouse() {
    runBefore();
    warehouse = new DuckDbWarehouse(SmallSampleRun.get(spark()).warehouse());
  }

  static Stream<Path> sqlFiles() {
    return NotebookFiles.sqlFiles().stream();
  }

  @ParameterizedTest
  @MethodSource("sqlFiles")
  void sqlFile_runsOnAFreshWarehouseAndReturnsRows(Path file) throws Exception {
    String sql = Files.readString(file, StandardCharsets.UTF_8);
    try (QuerySession session = warehouse.openQuerySession()) {
      long rows = 0;
      try (ResultSet r = session.select(sql)) {
        while (r.next()) {
          rows++;
        }
      } catch (SQLException e) {
        throw new AssertionError(file + " no longer runs on the warehouse: " + e.getMessage(), e);
      }
      Assertions.assertTrue(rows > 0, file + " returned no rows on the small sample");
    }
  }

  /** The funnel follows persons out of the contest: exactly the registrants the generator planted on a platform. */
  @Test
  void contestFunnel_countsTheRegistrantsWhoAlsoLearnAsPlanted() throws Exception {
    JsonNode facts = SmallSampleRun.get(spark()).expected().get("facts");
    long planted = facts.get("linkage_persons_in_two_sources").asLong() + facts.get("linkage_persons_in_three_sources").asLong();
    String sql = Files.readString(NotebookFiles.NOTEBOOKS.resolve("sql/contest_funnel.sql"), StandardCharsets.UTF_8);
    try (QuerySession session = warehouse.openQuerySession(); ResultSet r = session.select(sql)) {
      Assertions.assertTrue(r.next());
      Assertions.assertEquals("ALL", r.getString("target_group"));
      Assertions.assertEquals(planted, r.getLong("learns_on_a_platform"));
      Assertions.assertEquals(facts.get("contest_registrants_2025_11").asLong(), r.getLong("registered"));
    }
  }
}
