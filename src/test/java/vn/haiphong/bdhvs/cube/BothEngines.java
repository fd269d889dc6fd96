package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.duckdb.DuckDBDriver;
import vn.haiphong.bdhvs.warehouse.Sql;

/**
 * The indicator cube of a test's staged rows built by both engines — Spark, as the nightly job does,
 * and DuckDB — from the same Parquet, and held equal row for row before a test looks at Spark's.
 */
final class BothEngines {
  private BothEngines() {}

  /** Spark's cube of {@code staged} (written under {@code dir}), after checking DuckDB's has the same rows. */
  static Dataset<Row> indicatorCube(SparkSession spark, CubeFixture staged, CubeReference ref, Path dir) {
    staged.inputs(spark).byTable().forEach((table, rows) ->
        rows.coalesce(1).write().parquet(dir.resolve("staged").resolve(table).toString()));
    CubeInputs in = CubeInputs.of(table -> spark.read().parquet(dir.resolve("staged").resolve(table).toString()));
    Dataset<Row> cube = IndicatorCube.build(spark, in, ref).cache();
    Path sparkCube = dir.resolve("spark_cube");
    cube.write().parquet(sparkCube.toString());
    try (Connection c = duckdb()) {
      long rows = IndicatorCubeSql.build(c, dir, ref, "duck_cube");
      IndicatorCubeSql.Comparison same = IndicatorCubeSql.compare(c, "duck_cube",
          "read_parquet(" + Sql.literal(sparkCube + "/*.parquet") + ")");
      assertTrue(same.equal(), "DuckDB's cube differs from Spark's: " + same);
      assertEquals(cube.count(), rows);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return cube;
  }

  static Connection duckdb() throws SQLException {
    return new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
  }
}
