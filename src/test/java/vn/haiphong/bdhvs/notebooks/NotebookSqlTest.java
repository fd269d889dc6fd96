package vn.haiphong.bdhvs.notebooks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/**
 * Every SQL file the notebooks run, against the bdhvs.duckdb of a freshly built small warehouse
 * (the generated sample through the whole pipeline), through DuckDB JDBC read-only as an analyst
 * opens it: it must run and return rows, so no notebook drifts from the schema unnoticed.
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
    try (Connection c = warehouse.openReadOnly(); Statement s = c.createStatement()) {
      long rows = 0;
      try (ResultSet r = s.executeQuery(sql)) {
        while (r.next()) {
          rows++;
        }
      } catch (SQLException e) {
        throw new AssertionError(file + " no longer runs on the warehouse: " + e.getMessage(), e);
      }
      Assertions.assertTrue(rows > 0, file + " returned no rows on the small sample");
    }
  }
}
