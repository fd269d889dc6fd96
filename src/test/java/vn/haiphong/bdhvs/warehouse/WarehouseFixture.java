package vn.haiphong.bdhvs.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.StagedRows;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;

/** A small warehouse written by Spark through the contracts: a two-month indicator cube, one staged table, rejects and a manifest. */
final class WarehouseFixture {
  static final String RUN_ID = "run-20251210T010000Z";

  private WarehouseFixture() {}

  /** The cube rows, as Spark holds them: two months, three wards, two groups, the catalog's first two indicators. */
  static Dataset<Row> cube(SparkSession spark) {
    TableContract contract = TableContract.load("output", "indicator_cube");
    List<Row> rows = new ArrayList<>();
    List<String> codes = IndicatorCatalog.load().indicators().stream().limit(2).map(i -> i.code()).toList();
    int n = 0;
    for (String month : List.of("2025-10", "2025-11")) {
      for (String ward : List.of("ALL", "11560", "UNKNOWN")) {
        for (String group : List.of("ALL", "student")) {
          for (String code : codes) {
            n++;
            Double denominator = n % 5 == 0 ? null : 3.0 * n;
            Double value = denominator == null ? null : 100.0 * n / denominator / 7.0;
            rows.add(RowFactory.create(month, ward, group, code, (double) n, denominator, value, "percent",
                n % 2 == 0 ? 80.0 : null, n % 2 == 0 ? 2026 : null, n % 2 == 0 ? "KH-478-TU" : null,
                n % 2 == 0 ? "on_track" : "no_target",
                n % 3 == 0, RUN_ID, null, null));
          }
        }
      }
    }
    return spark.createDataFrame(rows, contract.sparkSchema());
  }

  /** The sources' completeness: October closed; November's unit reports not yet due (a run on 3 December). */
  static Dataset<Row> sourceMonths(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (String month : List.of("2025-10", "2025-11")) {
      for (String source : List.of("course", "contest", "telecom", "unit-reports")) {
        rows.add(RowFactory.create(month, source, month.equals("2025-10") || !source.equals("unit-reports"),
            null, RUN_ID));
      }
    }
    return spark.createDataFrame(rows, TableContract.load("output", "source_months").sparkSchema());
  }

  /** Writes the fixture warehouse under {@code root}. */
  static void write(SparkSession spark, Path root) {
    Warehouse warehouse = new Warehouse(root.toString(), spark.sparkContext().hadoopConfiguration(), RUN_ID);
    Warehouse.conform(TableContract.load("output", "indicator_cube"), cube(spark))
        .write().partitionBy("month").parquet(root.resolve("cubes/indicator_cube").toString());
    Warehouse.conform(TableContract.load("output", "source_months"), sourceMonths(spark))
        .write().partitionBy("month").parquet(root.resolve("cubes/source_months").toString());
    warehouse.writeStaged("contest_registrations", StagedRows.of("contest_registrations")
        .row("candidate_key", "c1", "person_key", "p1", "person_key_basis", "phone", "ward_code", "11560",
            "target_group", "student", "registered_month", "2025-11", "source_file", "contest/2025-11-01/r.csv",
            "delivery_folder", "2025-11-01", "source_line", 2L)
        .row("candidate_key", "c2", "person_key", "p1", "person_key_basis", "phone", "ward_code", "UNKNOWN",
            "target_group", "resident", "registered_month", "2025-11", "source_file", "contest/2025-11-01/r.csv",
            "delivery_folder", "2025-11-01", "source_line", 3L)
        .frame(spark));
    warehouse.writeRejects("contest", spark.sql("SELECT 'contest/2025-11-01/r.csv' AS file, CAST(4 AS BIGINT) AS line, "
        + "'bad_date' AS reason_code, 'day 31/02' AS detail, '" + RUN_ID + "' AS run_id"));
    warehouse.publish();
    manifest(root, RUN_ID);
  }

  static void manifest(Path root, String runId) {
    try {
      Files.createDirectories(root.resolve("runs"));
      Files.writeString(root.resolve("runs/" + runId + ".json"), """
          {"run_id": "%s", "started_at": "2025-12-10T01:00:00Z", "finished_at": "2025-12-10T01:02:00Z",
           "status": "succeeded", "run_date": "2025-12-10", "landing": "/l", "warehouse": "%s",
           "sources": {"contest": {"rows_read": 3}}, "written": {"contest_registrations": 2},
           "stages": [{"job": "ingest_contest", "seconds": 1.5}]}
          """.formatted(runId, root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every row of a query, each as a list of JDBC objects. */
  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    return ((Number) rows(c, sql).get(0).get(0)).longValue();
  }
}
