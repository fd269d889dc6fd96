package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.haiphong.bdhvs.warehouse.WarehouseFixture.count;
import static vn.haiphong.bdhvs.warehouse.WarehouseFixture.rows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReferenceTable;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** bdhvs.duckdb over a small warehouse written by Spark through the contracts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbWarehouseTest extends SharedSpark {
  private Path root;
  private DuckDbWarehouse duck;
  private DuckDbWarehouse.Build build;

  @BeforeAll
  void buildWarehouse(@TempDir Path tmp) {
    runBefore();
    root = tmp.resolve("wh");
    WarehouseFixture.write(spark(), root);
    // What a cube write that died half way leaves beside the cube: not a view.
    spark().range(1).write().parquet(root.resolve("cubes/.indicator_cube.new").toString());
    duck = new DuckDbWarehouse(root);
    build = duck.rebuild(WarehouseFixture.RUN_ID);
  }

  @Test
  void rebuild_createsEveryObjectOfTheWarehouse() throws Exception {
    try (Connection c = duck.openReadOnly()) {
      Set<String> names = rows(c, "SELECT table_name FROM duckdb_tables() UNION ALL "
          + "SELECT view_name FROM duckdb_views() WHERE NOT internal").stream()
          .map(r -> (String) r.get(0)).collect(Collectors.toSet());
      assertEquals(Set.of("dim_ward", "dim_target_group", "dim_indicator", "dim_plan", "dim_plan_target",
          "dim_validation_rule", "indicator_cube", "source_months", "kpi_latest",
          "staged_contest_registrations", "rejects", "runs", "data_tests"), names);
      assertEquals(names, build.rows().keySet());
    }
    Assertions.assertFalse(Files.list(root).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")),
        "no temporary build is left behind");
  }

  @Test
  void everyTableViewAndColumnHasAComment() throws Exception {
    try (Connection c = duck.openReadOnly()) {
      List<List<Object>> uncommented = rows(c, """
          SELECT table_name, NULL FROM duckdb_tables() WHERE coalesce(comment, '') = ''
          UNION ALL SELECT view_name, NULL FROM duckdb_views() WHERE NOT internal AND coalesce(comment, '') = ''
          UNION ALL SELECT table_name, column_name FROM duckdb_columns() WHERE NOT internal AND coalesce(comment, '') = ''""");
      assertEquals(List.of(), uncommented);
      TableContract cube = TableContract.load("output", "indicator_cube");
      assertEquals(cube.column("value").orElseThrow().description(), rows(c,
          "SELECT comment FROM duckdb_columns() WHERE table_name = 'indicator_cube' AND column_name = 'value'").get(0).get(0));
      String viewComment = (String) rows(c, "SELECT comment FROM duckdb_views() WHERE view_name = 'indicator_cube'").get(0).get(0);
      Assertions.assertTrue(viewComment.startsWith(cube.description()), viewComment);
      Assertions.assertTrue(viewComment.contains("Written by build_cubes from staged/"), "lineage in the comment: " + viewComment);
    }
  }

  @Test
  void indicatorCube_duckDbReadsTheSameRowsAsSpark() throws Exception {
    TableContract contract = TableContract.load("output", "indicator_cube");
    String order = String.join(", ", contract.keys());
    List<List<Object>> fromSpark = new ArrayList<>();
    for (Row r : spark().read().schema(contract.sparkSchema()).parquet(root.resolve("cubes/indicator_cube").toString())
        .selectExpr(contract.columnNames().toArray(String[]::new)).orderBy(contract.keys().get(0),
            contract.keys().subList(1, contract.keys().size()).toArray(String[]::new)).collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.size(); i++) {
        values.add(r.get(i));
      }
      fromSpark.add(values);
    }
    try (Connection c = duck.openReadOnly()) {
      List<List<Object>> fromDuck = rows(c, "SELECT * FROM indicator_cube ORDER BY " + order);
      assertEquals(WarehouseFixture.cube(spark()).count(), fromDuck.size());
      assertEquals(fromSpark, fromDuck);
      assertEquals("VARCHAR", rows(c, "SELECT data_type FROM duckdb_columns() "
          + "WHERE table_name = 'indicator_cube' AND column_name = 'month'").get(0).get(0));
    }
  }

  @Test
  void kpiLatest_holdsTheLatestClosedMonthForTheCityAndEachWardWithCatalogNames() throws Exception {
    try (Connection c = duck.openReadOnly()) {
      List<List<Object>> kpi = rows(c, "SELECT DISTINCT month FROM kpi_latest");
      assertEquals(List.of(List.of("2025-10")), kpi, "November's reports are not due yet: October is the latest closed");
      long expected = count(c, "SELECT count(*) FROM indicator_cube WHERE month = '2025-10' AND target_group = 'ALL'");
      assertEquals(expected, count(c, "SELECT count(*) FROM kpi_latest"));
      var first = IndicatorCatalog.load().indicators().get(0);
      assertEquals(List.of(first.nameVi(), first.unit()), rows(c, "SELECT DISTINCT indicator_name_vi, unit "
          + "FROM kpi_latest WHERE indicator_code = '" + first.code() + "'").get(0));
      String ward = WardDirectory.load().byCode("11560").orElseThrow().name();
      assertEquals(ward, rows(c, "SELECT DISTINCT ward_name FROM kpi_latest WHERE ward_code = '11560'").get(0).get(0));
    }
  }

  @Test
  void dimensions_holdTheUnitsGroupsAndCatalog() throws Exception {
    try (Connection c = duck.openReadOnly()) {
      assertEquals(WardDirectory.load().wards().size() + 2L, count(c, "SELECT count(*) FROM dim_ward"));
      assertEquals(2L, count(c, "SELECT count(*) FROM dim_ward WHERE ward_code IN ('ALL', 'UNKNOWN')"));
      assertEquals(TargetGroup.values().length + 1L, count(c, "SELECT count(*) FROM dim_target_group"));
      assertEquals((long) IndicatorCatalog.load().indicators().size(), count(c, "SELECT count(*) FROM dim_indicator"));
      assertEquals((long) ReferenceTable.load("plan_targets").rows().size(), count(c, "SELECT count(*) FROM dim_plan_target"));
      assertEquals(80.0, rows(c, "SELECT target_value FROM dim_plan_target WHERE indicator_code = 'PS_SKILLED_RATE'"
          + " AND year = 2025 AND scope = 'ALL'").get(0).get(0), "typed by its contract: year int, target_value double");
    }
  }

  @Test
  void stagedRejectsAndRuns_readWhatTheRunWrote() throws Exception {
    try (Connection c = duck.openReadOnly()) {
      assertEquals(2L, count(c, "SELECT count(*) FROM staged_contest_registrations"));
      assertEquals(List.of(List.of("contest", 4L, "bad_date")), rows(c, "SELECT source, line, reason_code FROM rejects"));
      assertEquals(List.of(List.of(WarehouseFixture.RUN_ID, "succeeded", "3")),
          rows(c, "SELECT run_id, status, sources->'contest'->>'rows_read' FROM runs"));
    }
  }

  @Test
  void dataTests_holdEveryTestOfEveryManifest_noneOfAManifestFromBeforeRunsTestedTables(@TempDir Path other)
      throws Exception {
    WarehouseFixture.manifest(other, "run-20251209T010000Z");
    Files.writeString(other.resolve("runs/run-20251210T010000Z.json"), """
        {"run_id": "run-20251210T010000Z", "started_at": "2025-12-10T01:00:00Z", "finished_at": "2025-12-10T01:02:00Z",
         "status": "failed", "run_date": "2025-12-10", "landing": "/l", "warehouse": "/w",
         "data_tests": [
           {"table_name": "indicator_cube", "expectation": "status_accepted", "kind": "accepted", "severity": "error",
            "test": "status in {achieved}", "failing_rows": 2, "example_key": "month=2025-11, ward_code=ALL"},
           {"table_name": "indicator_cube", "expectation": "numerator_within_denominator", "kind": "check",
            "severity": "warn", "test": "numerator <= denominator", "failing_rows": 0, "example_key": null}],
         "data_test_seconds": {"indicator_cube": 0.25}}
        """);
    new DuckDbWarehouse(other).rebuild("run-x");
    try (Connection c = new DuckDbWarehouse(other).openReadOnly()) {
      assertEquals(List.of(List.of("run-20251210T010000Z", "indicator_cube", "status_accepted", "error", 2L,
              "month=2025-11, ward_code=ALL"), Arrays.asList("run-20251210T010000Z", "indicator_cube",
              "numerator_within_denominator", "warn", 0L, null)),
          rows(c, "SELECT run_id, table_name, expectation, severity, failing_rows, example_key FROM data_tests ORDER BY 3 DESC"));
      assertEquals(List.of(Arrays.asList((Object) null), List.of("0.25")),
          rows(c, "SELECT data_test_seconds->>'indicator_cube' FROM runs ORDER BY run_id"));
    }
  }

  /** The views carry absolute paths: a query from another working directory (another JVM) reads the same. */
  @Test
  void views_workFromAnyWorkingDirectory(@TempDir Path elsewhere) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "vn.haiphong.bdhvs.cli.Main",
        "query", "--warehouse", duck.file().getParent().toString(), "--format", "csv",
        "SELECT (SELECT count(*) FROM indicator_cube) AS cube, (SELECT count(*) FROM staged_contest_registrations) AS staged")
        .directory(elsewhere.toFile()).redirectErrorStream(true).start();
    Assertions.assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertEquals("cube,staged\n" + WarehouseFixture.cube(spark()).count() + ",2\n", out);
  }
}
