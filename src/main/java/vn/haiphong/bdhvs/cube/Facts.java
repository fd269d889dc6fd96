package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static vn.haiphong.bdhvs.cube.Rollup.DENOMINATOR;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.NUMERATOR;
import static vn.haiphong.bdhvs.cube.Rollup.VALUE;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The sparse shape every indicator's figures take before the cube is made dense. */
final class Facts {
  private Facts() {}

  /** month, ward_code, target_group, indicator_code, numerator, denominator, value (all doubles; nulls allowed). */
  static Dataset<Row> of(Dataset<Row> rows, Column indicator, Column numerator, Column denominator, Column value) {
    return rows.select(col(MONTH), col(WARD), col(GROUP), indicator.as(INDICATOR),
        numerator.cast("double").as(NUMERATOR), denominator.cast("double").as(DENOMINATOR),
        value.cast("double").as(VALUE));
  }

  static Dataset<Row> numerators(Dataset<Row> rows, Column indicator, Column numerator) {
    return of(rows, indicator, numerator, lit(null), lit(null));
  }

  /** A city-only figure: ward and target group ALL. */
  static Dataset<Row> city(Dataset<Row> rows, Column indicator, Column numerator, Column denominator) {
    return of(rows.withColumn(WARD, lit(Rollup.ALL)).withColumn(GROUP, lit(Rollup.ALL)),
        indicator, numerator, denominator, lit(null));
  }
}
