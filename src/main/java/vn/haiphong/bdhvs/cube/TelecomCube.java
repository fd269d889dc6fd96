package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static vn.haiphong.bdhvs.codes.DimensionMember.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Telecom by operator × ward × month, with ALL for operators and for wards. */
public final class TelecomCube {
  private static final String OPERATOR = "operator";

  private TelecomCube() {}

  /**
   * Counts and lengths are summed. A ward's coverage over operators (operator ALL) is its best
   * operator's; a city-wide coverage would need population weights the operator files do not
   * carry, so the ward ALL rows leave coverage null.
   */
  public static Dataset<Row> build(Dataset<Row> operators, String runId) {
    Column cells = array(
        struct(col(OPERATOR).as("o"), col(WARD).as("w")),
        struct(lit(ALL).as("o"), col(WARD).as("w")),
        struct(col(OPERATOR).as("o"), lit(ALL).as("w")),
        struct(lit(ALL).as("o"), lit(ALL).as("w")));
    Column cityWide = col(WARD).equalTo(ALL);
    return operators.withColumn("cell", explode(cells))
        .withColumn(OPERATOR, col("cell.o")).withColumn(WARD, col("cell.w"))
        .groupBy(MONTH, OPERATOR, WARD)
        .agg(sum("bts_4g").as("bts_4g"), sum("bts_5g").as("bts_5g"),
            max("coverage_4g_pct").as("coverage_4g_pct"), max("coverage_5g_pct").as("coverage_5g_pct"),
            sum("fiber_km").as("fiber_km"), sum("fixed_broadband_subscriptions").as("fixed_broadband_subscriptions"))
        .withColumn("coverage_4g_pct", when(not(cityWide), col("coverage_4g_pct")))
        .withColumn("coverage_5g_pct", when(not(cityWide), col("coverage_5g_pct")))
        .withColumn("run_id", lit(runId));
  }
}
