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
  public void define(CubeSql.Step step) {
    Dataset<Row> rows = spark.sql(step.sql());
    if (step.ofRecords()) {
      // Records are left to the statements that read them, computed once when several do.
      input(step.relation(), step.reused() ? rows.persist() : rows);
    } else {
      // Figures per month × ward are few: computed here, they stand in later plans as rows rather
      // than as the chain of statements behind them, which Spark would analyse again in every later
      // statement (most of the cube's time on a small night, a sixth at city scale).
      input(step.relation(), rows.localCheckpoint());
    }
  }

  Dataset<Row> relation(String name) {
    return spark.table(name);
  }
}
