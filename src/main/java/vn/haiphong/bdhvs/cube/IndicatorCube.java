package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The indicator cube of docs/specification.md §6 from the staged tables, computed by Spark SQL from the cube's SQL
 * ({@link CubeSql}): sparse facts per indicator, made dense over months × wards × target groups,
 * valued by unit, compared with the plan targets, and flagged provisional while reports are missing.
 * No I/O: {@link CubeJob} reads and writes.
 */
public final class IndicatorCube {
  static final TableContract CONTRACT = TableContract.load("output", "indicator_cube");

  private IndicatorCube() {}

  /** The cube's rows in contract shape, for every month of {@code ref}. */
  public static Dataset<Row> build(SparkSession spark, CubeInputs in, CubeReference ref) {
    return build(spark, in, ref, null);
  }

  /**
   * The cube's rows for the months of {@code ref} when {@code earlier} (or null) holds the cube's
   * published rows of the months of the same years before them: the status baselines come from both.
   */
  public static Dataset<Row> build(SparkSession spark, CubeInputs in, CubeReference ref, Dataset<Row> earlier) {
    SparkCubeEngine engine = new SparkCubeEngine(spark);
    in.byTable().forEach((table, rows) -> engine.input("staged_" + table, rows));
    if (earlier == null) {
      engine.load(ReferenceFrames.noEarlierCube());
    } else {
      String[] columns = ReferenceFrames.noEarlierCube().schema().fieldNames();
      engine.input(ReferenceFrames.EARLIER_CUBE, earlier.select(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length)));
    }
    CubeSql.run(engine, ref);
    return engine.relation(CubeSql.CUBE).select(CONTRACT.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
