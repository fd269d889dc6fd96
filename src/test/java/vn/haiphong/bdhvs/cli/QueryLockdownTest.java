package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import org.junit.jupiter.api.Assertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.cli.Cli.Result;

/**
 * {@code bdhvs query} writes nothing, whatever the SQL: on the small sample's warehouse every
 * statement that could write, attach, install, change a setting or read a file outside the
 * warehouse's views is refused (exit 2, a message naming it) and every file of the warehouse keeps
 * its bytes and time; the views themselves, which read Parquet by absolute path, still answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryLockdownTest extends SharedSpark {
  private Path warehouse;
  @TempDir Path outside;

  @BeforeAll
  void buildWarehouse() {
    runBefore();
    warehouse = SmallSampleRun.get(spark()).warehouse();
  }

  private Result query(String sql) {
    return Cli.execute("query", "--warehouse", warehouse.toString(), "--format", "csv", sql);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"indicator_cube", "kpi_latest", "staged_contest_registrations", "staged_mooc_statements",
      "staged_lms_enrolment_history", "rejects", "runs", "skill_gaps", "dim_ward"})
  void everyView_stillAnswers(String view) {
    Result r = query("SELECT count(*) AS n FROM " + view);
    assertEquals(Main.OK, r.code(), r.err());
    long rows = Long.parseLong(r.out().lines().toList().get(1));
    Assertions.assertTrue(rows > 0, view + " has rows on the small sample: " + r.out());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "COPY (SELECT 1 AS x) TO '<wh>/bdhvs.duckdb' (FORMAT csv)",
      "COPY (SELECT 1 AS x) TO '<wh>/reports/2025-11.html' (FORMAT csv)",
      "COPY (SELECT 1 AS x) TO '<wh>/cubes/x.csv' (FORMAT csv)",
      "COPY (SELECT 1 AS x) TO '<out>/x.csv' (FORMAT csv)",
      "EXPORT DATABASE '<out>/export'",
      "ATTACH '<out>/other.duckdb' AS other",
      "INSTALL httpfs",
      "LOAD httpfs",
      "PRAGMA threads = 1",
      "SET enable_external_access = true",
      "SET threads = 1",
      "CREATE TABLE x AS SELECT 1",
      "/* a comment first */\nCOPY indicator_cube TO '<out>/cube.parquet'",
      "CALL checkpoint()"})
  void statementOtherThanSelect_isRefusedAndWritesNothing(String template) {
    String sql = template.replace("<wh>", warehouse.toString()).replace("<out>", outside.toString());
    Map<String, String> before = files(warehouse);
    Result r = query(sql);
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    String verb = sql.replaceFirst("^/\\*.*\\*/\\s*", "").split(" ")[0];
    Assertions.assertTrue(r.err().contains(verb + " is refused") && r.err().contains("one SELECT"), r.err());
    assertOneLineWithoutJava(r.err());
    assertEquals(before, files(warehouse), "nothing in the warehouse changed");
    assertEquals(Map.of(), files(outside), "nothing written outside it");
  }

  @Test
  void severalStatements_areRefusedAndNoneRuns() {
    Result r = query("SELECT 1; SELECT 2");
    assertEquals(Main.BAD_INPUT, r.code(), r.err());
    Assertions.assertTrue(r.err().contains("one statement per call") && r.err().contains("holds 2"), r.err());
    assertEquals("", r.out());
    Map<String, String> before = files(warehouse);
    Result hidden = query("SELECT 1; COPY (SELECT 1) TO '" + warehouse.resolve("bdhvs.duckdb") + "' (FORMAT csv)");
    assertEquals(Main.BAD_INPUT, hidden.code(), hidden.err());
    assertEquals(before, files(warehouse));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SELECT * FROM read_text('/etc/passwd')", "SELECT * FROM read_csv('/etc/hosts')",
      "SELECT * FROM read_text('<wh>/cubes/../.lock')", "SELECT * FROM glob('/etc/*')"})
  void aFileOutsideTheViewsFolders_isNotRead(String template) {
    Result r = query(template.replace("<wh>", warehouse.toString()));
    assertEquals(Main.BAD_INPUT, r.code(), r.out() + r.err());
    Assertions.assertTrue(r.err().contains("Permission Error") && r.err().contains("reads only the warehouse's views"), r.err());
    assertOneLineWithoutJava(r.err());
  }

  @Test
  void viewsFolders_readableThroughTheirParquetToo() {
    Result r = query("SELECT count(*) AS n FROM read_parquet('" + warehouse.resolve("cubes/indicator_cube") + "/**/*.parquet')");
    assertEquals(Main.OK, r.code(), r.err());
    Result viaView = query("SELECT count(*) AS n FROM indicator_cube");
    assertEquals(viaView.out(), r.out());
  }

  private static void assertOneLineWithoutJava(String err) {
    assertEquals(1, err.strip().lines().count(), err);
    assertFalse(err.contains("java.") || err.contains("vn.haiphong") || err.contains("Exception"), err);
  }

  /** Every file under {@code root}: its SHA-256, size and modification time. */
  private static Map<String, String> files(Path root) {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.filter(Files::isRegularFile).toList()) {
        byte[] bytes = Files.readAllBytes(p);
        files.put(root.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))
            + " " + bytes.length + " " + Files.getLastModifiedTime(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return files;
  }
}
