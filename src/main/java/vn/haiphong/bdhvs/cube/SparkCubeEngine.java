package vn.haiphong.bdhvs.cube;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The cube's SQL run by Spark SQL over temporary views: what the nightly {@code build_cubes} job computes. */
record SparkCubeEngine(SparkSession spark) implements CubeEngine {

  /** Makes {@code rows} (a staged table, the published cube) the relation {@code name}. */
  void input(String name, Dataset<Row> rows) {
    rows.createOrReplaceTempView(name);
  }

  @Override
  public void load(ReferenceFrames.Frame frame) {
    input(frame.name(), frame.toSpark(spark));
  }

  @Override
  public void define(String name, String sql, boolean reused) {
    Dataset<Row> rows = spark.sql(sql);
    // Read twice, computed once, as the Dataset steps cached what they read twice.
    input(name, reused ? rows.persist() : rows);
  }

  Dataset<Row> relation(String name) {
    return spark.table(name);
  }
}
