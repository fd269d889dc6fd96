package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The column names the cubes share and the two ways a figure reaches the ALL members: distinct
 * persons counted again from base rows at every level, or additive sums.
 */
final class Rollup {
  static final String MONTH = "month";
  static final String MONTH_END = "month_end";
  static final String YEAR = "year";
  static final String MONTH_OF_YEAR = "month_of_year";
  static final String WARD = "ward_code";
  static final String GROUP = "target_group";
  static final String INDICATOR = "indicator_code";
  static final String PERSON = "person_key";
  static final String EVENT_DATE = "event_date";
  static final String NUMERATOR = "numerator";
  static final String DENOMINATOR = "denominator";
  static final String VALUE = "value";
  static final String ALL = WardDirectory.ALL;


  private Rollup() {}

  /**
   * Every base row once at its own (ward, group) cell and once in each ALL member above it: the
   * expansion GROUPING SETS ((w, g), (w), (g), ()) performs, written out because Spark 3.5's Dataset
   * API has no grouping sets. Aggregating the result by cell counts every level from base rows.
   */
  static Dataset<Row> atEveryLevel(Dataset<Row> rows) {
    Column cells = array_distinct(array(
        struct(col(WARD).as("w"), col(GROUP).as("g")),
        struct(col(WARD).as("w"), lit(ALL).as("g")),
        struct(lit(ALL).as("w"), col(GROUP).as("g")),
        struct(lit(ALL).as("w"), lit(ALL).as("g"))));
    return rows.withColumn("cell", explode(cells))
        .withColumn(WARD, col("cell.w")).withColumn(GROUP, col("cell.g")).drop("cell");
  }

  /**
   * Distinct persons per month × indicator × cell, cumulative to each month end. {@code events} has
   * indicator_code, person_key, ward_code, target_group (neither null) and event_date; a person
   * counts in a month from the first event of that indicator in that cell.
   */
  static Dataset<Row> distinctPersons(Dataset<Row> events, Dataset<Row> months) {
    Dataset<Row> first = events.groupBy(INDICATOR, PERSON, WARD, GROUP).agg(min(EVENT_DATE).as(EVENT_DATE));
    Dataset<Row> asOfMonthEnd = first.join(broadcast(months), col(EVENT_DATE).leq(col(MONTH_END)));
    return atEveryLevel(asOfMonthEnd).groupBy(MONTH, INDICATOR, WARD, GROUP)
        .agg(countDistinct(PERSON).cast("double").as(NUMERATOR));
  }

  /**
   * Additive figures per ward and for ALL: every row counts in its ward (unless it has none, as a
   * city department's report) and in ALL. {@code sums} must be additive (sums and counts).
   */
  static Dataset<Row> byWardAndCity(Dataset<Row> rows, List<String> keys, Column... sums) {
    Column[] groupBy = Stream.concat(keys.stream(), Stream.of(WARD)).map(k -> col(k)).toArray(Column[]::new);
    return rows.withColumn(WARD, explode(array(col(WARD), lit(ALL))))
        .filter(col(WARD).isNotNull())
        .groupBy(groupBy)
        .agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length));
  }
}
