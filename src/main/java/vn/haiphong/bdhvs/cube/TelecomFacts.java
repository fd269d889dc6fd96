package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static vn.haiphong.bdhvs.cube.Rollup.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** Telecom indicators: stations, 4G ward coverage and test-weighted speeds. */
final class TelecomFacts {
  /** The telecom plan's bar for a ward "covered by 4G": its best operator reaches this share of the population. */
  static final double COVERED_4G_PCT = 99.0;
  static final double KBPS_PER_MBPS = 1000.0;

  private TelecomFacts() {}

  /** BTS_4G and BTS_5G: stations at month end summed over operators, per ward and ALL. */
  static Dataset<Row> stations(Dataset<Row> operators, Dataset<Row> months) {
    Dataset<Row> sums = Rollup.byWardAndCity(inMonths(operators, months), List.of(MONTH),
        sum("bts_4g").as("bts_4g"), sum("bts_5g").as("bts_5g")).withColumn(GROUP, lit(ALL));
    return Facts.numerators(sums, lit("BTS_4G"), col("bts_4g"))
        .unionByName(Facts.numerators(sums, lit("BTS_5G"), col("bts_5g")));
  }

  /** Wards whose best operator covers at least 99 % of the population with 4G, over the 114. */
  static Dataset<Row> wardCoverage(Dataset<Row> operators, Dataset<Row> months, int wardCount) {
    Dataset<Row> covered = inMonths(operators, months).filter(col(WARD).notEqual(WardDirectory.UNKNOWN))
        .groupBy(MONTH, WARD).agg(max("coverage_4g_pct").as("best"))
        .groupBy(MONTH).agg(count(when(col("best").geq(COVERED_4G_PCT), true)).as("wards"));
    return Facts.city(covered, lit("WARD_COVERAGE_RATE"), col("wards"), lit(wardCount));
  }

  /** Mean speeds in Mbps weighted by tests, per ward and ALL; averages carry no numerator or denominator. */
  static Dataset<Row> speeds(Dataset<Row> speedtests, Dataset<Row> months) {
    Dataset<Row> sums = Rollup.byWardAndCity(inMonths(speedtests, months), List.of(MONTH, "network_type"),
            sum(col("avg_d_kbps").multiply(col("tests"))).as("down"),
            sum(col("avg_u_kbps").multiply(col("tests"))).as("up"),
            sum("tests").as("tests"))
        .withColumn(GROUP, lit(ALL));
    Column prefix = when(col("network_type").equalTo("fixed"), lit("FIXED")).otherwise(lit("MOBILE"));
    return mean(sums, prefix, "_DL_MBPS", "down").unionByName(mean(sums, prefix, "_UL_MBPS", "up"));
  }

  private static Dataset<Row> mean(Dataset<Row> sums, Column prefix, String suffix, String weighted) {
    Column mbps = when(col("tests").gt(0), col(weighted).divide(col("tests")).divide(KBPS_PER_MBPS));
    return Facts.of(sums, org.apache.spark.sql.functions.concat(prefix, lit(suffix)), lit(null), lit(null), mbps);
  }

  private static Dataset<Row> inMonths(Dataset<Row> rows, Dataset<Row> months) {
    return rows.join(broadcast(months.select(MONTH)), MONTH);
  }
}
