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
 * valued by unit, compared with the plan targets, null and provisional where a source is not complete
 * for the month, provisional while reports are missing. No I/O: {@link CubeJob} reads and writes.
 */
public final class IndicatorCube {
  static final TableContract CONTRACT = TableContract.load("output", "indicator_cube");
  static final TableContract SOURCE_MONTHS = TableContract.load("output", "source_months");

  /** The cube's rows and, per month × source, whether the source was complete at the run date. */
  public record Tables(Dataset<Row> cube, Dataset<Row> sourceMonths) {}

  private IndicatorCube() {}

  /** The cube's rows in contract shape, for every month of {@code ref}. */
  public static Dataset<Row> build(SparkSession spark, CubeInputs in, CubeReference ref) {
    return tables(spark, in, ref).cube();
  }

  /** The cube's rows and the sources' completeness, each in contract shape, for every month of {@code ref}. */
  public static Tables tables(SparkSession spark, CubeInputs in, CubeReference ref) {
    SparkCubeEngine engine = new SparkCubeEngine(spark);
    in.byTable().forEach((table, rows) -> engine.input("staged_" + table, rows));
    CubeSql.run(engine, ref);
    return new Tables(select(engine.relation(CubeSql.CUBE), CONTRACT),
        select(engine.relation(CubeSql.SOURCE_MONTHS), SOURCE_MONTHS));
  }

  private static Dataset<Row> select(Dataset<Row> rows, TableContract contract) {
    return rows.select(contract.columnNames().stream().map(c -> col(c)).toArray(Column[]::new));
  }
}
