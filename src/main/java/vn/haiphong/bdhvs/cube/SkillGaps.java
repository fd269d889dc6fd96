package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static vn.haiphong.bdhvs.cube.Rollup.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.VALUE;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;

/** Reported against measured skill rates per month × ward (SPEC §5): the gap inspectors ask about. */
public final class SkillGaps {
  /**
   * Units report skills from their own surveys, platforms measure only those who took a course
   * there, so some gap is normal; more than 20 points is the margin at which the figure needs an
   * explanation (the order of magnitude of self-assessment bias reported for digital-skill surveys).
   */
  static final double FLAG_POINTS = 20.0;
  static final String MEASURED_SUFFIX = "_MEASURED";

  private SkillGaps() {}

  /** From the indicator cube's rows: one row per month × ward × reported indicator that has a measured twin. */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> cube, IndicatorCatalog catalog, String runId) {
    List<Row> pairs = new ArrayList<>();
    for (Indicator i : catalog.indicators()) {
      if (i.basis().equals("reported") && catalog.byCode(i.code() + MEASURED_SUFFIX).isPresent()) {
        pairs.add(RowFactory.create(i.code(), i.code() + MEASURED_SUFFIX));
      }
    }
    Dataset<Row> twins = broadcast(spark.createDataFrame(pairs, new StructType()
        .add(INDICATOR, DataTypes.StringType).add("measured_code", DataTypes.StringType)));
    Dataset<Row> byWard = cube.filter(col(GROUP).equalTo(ALL)).select(MONTH, WARD, INDICATOR, VALUE);
    Dataset<Row> reported = byWard.join(twins, INDICATOR).withColumnRenamed(VALUE, "reported_value");
    Dataset<Row> measured = byWard.select(col(MONTH), col(WARD), col(INDICATOR).as("measured_code"),
        col(VALUE).as("measured_value"));
    return reported.join(measured, new String[] {MONTH, WARD, "measured_code"})
        .withColumn("gap_points", col("reported_value").minus(col("measured_value")))
        .withColumn("flagged", coalesce(col("gap_points").gt(FLAG_POINTS), lit(false)))
        .withColumn("run_id", lit(runId));
  }
}
