package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static vn.haiphong.bdhvs.codes.DimensionMember.ALL;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The column names the cubes share, and the learning cube's distinct persons counted again from base
 * rows at every level (the indicator cube does the same in SQL: cube/facts/persons.sql).
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
  static final String VALUE = "value";

  private Rollup() {}

  /**
   * Every base row once at its own (ward, group) cell and once in each ALL member above it: the
   * expansion GROUPING SETS ((w, g), (w), (g), ()) performs, written out because Spark 3.5's Dataset
   * API has no grouping sets. Aggregating the result by cell counts every level from base rows.
   */
  static Dataset<Row> atEveryLevel(Dataset<Row> rows) {
    Column wardIsAll = col(WARD).eqNullSafe(ALL);
    Column groupIsAll = col(GROUP).eqNullSafe(ALL);
    // A cell that repeats one before it (a row already at ALL) is left out, as array_distinct would;
    // written as conditions because array_distinct of structs runs interpreted, row by row.
    Column cells = array(
        struct(col(WARD).as("w"), col(GROUP).as("g")),
        when(not(groupIsAll), struct(col(WARD).as("w"), lit(ALL).as("g"))),
        when(not(wardIsAll), struct(lit(ALL).as("w"), col(GROUP).as("g"))),
        when(not(wardIsAll).and(not(groupIsAll)), struct(lit(ALL).as("w"), lit(ALL).as("g"))));
    return rows.withColumn("cell", explode(cells)).filter(col("cell").isNotNull())
        .withColumn(WARD, col("cell.w")).withColumn(GROUP, col("cell.g")).drop("cell");
  }

  /**
   * Each person's first date of every measure in every cell at every level: one row per {@code keys}
   * × cell × person. A measure is a date column of {@code rows}, null on the rows it does not count;
   * its first date is null when none of the person's rows in the cell has one.
   */
  static Dataset<Row> firstDates(Dataset<Row> rows, List<String> keys, List<String> measures) {
    List<String> perPerson = Stream.concat(keys.stream(), Stream.of(WARD, GROUP, PERSON)).toList();
    Column[] firsts = measures.stream().map(m -> min(m).as(m)).toArray(Column[]::new);
    return atEveryLevel(rows.select(columns(perPerson, measures))).groupBy(columns(perPerson))
        .agg(firsts[0], Arrays.copyOfRange(firsts, 1, firsts.length));
  }

  /**
   * Per cell and month, the persons whose first date of each measure is on or before the month end,
   * from one row per cell × person ({@link #firstDates}); each measure's column holds its count. The
   * same figure as distinct persons of the rows dated up to each month end, without joining every
   * row to every month: persons counted once in the month of their first date, then summed over the
   * months up to each. A date is on or before a month end exactly when its month's last day is.
   */
  static Dataset<Row> personsToMonthEnd(Dataset<Row> first, List<String> cell, List<String> measures,
      Dataset<Row> months) {
    Column stacked = explode(array(measures.stream()
        .map(m -> struct(lit(m).as("measure"), last_day(col(m)).as("month_last_day"))).toArray(Column[]::new)));
    // count(person), not count(*): a null person is nobody, as for countDistinct.
    Dataset<Row> newPersons = first.withColumn("first", stacked)
        .select(columns(cell, List.of(PERSON, "first.measure", "first.month_last_day")))
        .filter(col("month_last_day").isNotNull())
        .groupBy(columns(cell, List.of("measure", "month_last_day"))).agg(count(PERSON).as("persons"));
    Column[] toMonthEnd = measures.stream()
        .map(m -> sum(when(col("measure").equalTo(m), col("persons")).otherwise(0L)).as(m)).toArray(Column[]::new);
    return newPersons.join(broadcast(months.select(MONTH, MONTH_END)), col("month_last_day").leq(col(MONTH_END)))
        .groupBy(columns(List.of(MONTH), cell))
        .agg(toMonthEnd[0], Arrays.copyOfRange(toMonthEnd, 1, toMonthEnd.length));
  }

  @SafeVarargs
  private static Column[] columns(List<String>... names) {
    return Arrays.stream(names).flatMap(List::stream).map(n -> col(n)).toArray(Column[]::new);
  }
}
