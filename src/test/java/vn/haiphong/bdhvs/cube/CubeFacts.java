package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The cubes a pipeline run wrote, read back the way a dashboard reads them. */
final class CubeFacts {
  /** The seed report's classes: the first four city-lms classes of the default catalog. */
  static final List<String> FIRST_CLASSES = List.of("HP-KNS-01", "HP-CDS-02", "HP-DVC-03", "HP-KNS-04");

  private final Dataset<Row> cube;
  private final Dataset<Row> learning;
  private final Dataset<Row> telecom;

  CubeFacts(SparkSession spark, Path warehouse) {
    cube = spark.read().parquet(warehouse.resolve("cubes/indicator_cube").toString()).cache();
    learning = spark.read().parquet(warehouse.resolve("cubes/learning_cube").toString()).cache();
    telecom = spark.read().parquet(warehouse.resolve("cubes/telecom_cube").toString());
  }

  Dataset<Row> cube() {
    return cube;
  }

  Row cell(String month, String ward, String group, String indicator) {
    List<Row> rows = cube.filter(col("month").equalTo(month).and(col("ward_code").equalTo(ward))
        .and(col("target_group").equalTo(group)).and(col("indicator_code").equalTo(indicator))).collectAsList();
    assertEquals(1, rows.size(), month + " " + ward + " " + group + " " + indicator);
    return rows.get(0);
  }

  /** The city-wide value (ALL × ALL) of an indicator in a month. */
  double value(String month, String indicator) {
    return cell(month, "ALL", "ALL", indicator).<Double>getAs("value");
  }

  /** Rounded to 2 decimals, half up, as the reports print it. */
  double rounded(String month, String indicator) {
    return BigDecimal.valueOf(value(month, indicator)).setScale(2, RoundingMode.HALF_UP).doubleValue();
  }

  double stationsAdded(String month, String since) {
    return value(month, "BTS_4G") + value(month, "BTS_5G") - value(since, "BTS_4G") - value(since, "BTS_5G");
  }

  /** Fibre in service at a month's end, km, all operators and wards (telecom cube). */
  double fibreKm(String month) {
    List<Row> rows = telecom.filter(col("month").equalTo(month).and(col("operator").equalTo("ALL"))
        .and(col("ward_code").equalTo("ALL"))).collectAsList();
    assertEquals(1, rows.size(), month);
    return rows.get(0).<Number>getAs("fiber_km").doubleValue();
  }

  double classLearners(String month, String classCode) {
    List<Row> rows = learning.filter(col("month").equalTo(month).and(col("platform").equalTo("city-lms"))
        .and(col("course_code").equalTo(classCode)).and(col("ward_code").equalTo("ALL"))
        .and(col("target_group").equalTo("ALL"))).collectAsList();
    assertEquals(1, rows.size(), classCode);
    return rows.get(0).<Long>getAs("learners");
  }
}
