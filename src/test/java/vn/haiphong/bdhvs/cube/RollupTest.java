package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;

class RollupTest extends SharedSpark {

  /**
   * Counting persons once in the month of their first date and summing over months must give what
   * joining every event to every month end and counting distinct persons gives — here that count is
   * Spark SQL's own GROUPING SETS, over persons in several cells, events before, between and after the
   * months, null dates and a null person (no person, yet a cell seen).
   */
  @Test
  void distinctPersons_equalsCountDistinctOfEventsToEachMonthEnd() {
    Random random = new Random(7);
    String[] wards = {"10525", "10537", "UNKNOWN"};
    String[] groups = {"resident", "student"};
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      String person = i % 97 == 0 ? null : "p" + random.nextInt(60);
      LocalDate day = LocalDate.of(2025, 8, 1).plusDays(random.nextInt(160));
      rows.add(RowFactory.create(i % 3 == 0 ? "B" : "A", person, wards[random.nextInt(wards.length)],
          groups[random.nextInt(groups.length)], i % 50 == 0 ? null : Date.valueOf(day)));
    }
    StructType schema = new StructType().add(Rollup.INDICATOR, DataTypes.StringType).add(Rollup.PERSON, DataTypes.StringType)
        .add(Rollup.WARD, DataTypes.StringType).add(Rollup.GROUP, DataTypes.StringType)
        .add(Rollup.EVENT_DATE, DataTypes.DateType);
    Dataset<Row> events = spark().createDataFrame(rows, schema);
    Dataset<Row> months = ReferenceFrames.months(CubeReference.monthsBetween(
        java.time.YearMonth.of(2025, 9), java.time.YearMonth.of(2025, 11))).toSpark(spark());
    events.createOrReplaceTempView("rollup_events");
    months.createOrReplaceTempView("rollup_months");

    List<String> expected = lines(spark().sql("""
        SELECT m.month, e.indicator_code,
               CASE WHEN grouping(e.ward_code) = 1 THEN 'ALL' ELSE e.ward_code END,
               CASE WHEN grouping(e.target_group) = 1 THEN 'ALL' ELSE e.target_group END,
               CAST(count(DISTINCT e.person_key) AS DOUBLE)
        FROM rollup_events e JOIN rollup_months m ON e.event_date <= m.month_end
        GROUP BY GROUPING SETS ((m.month, e.indicator_code, e.ward_code, e.target_group),
          (m.month, e.indicator_code, e.ward_code), (m.month, e.indicator_code, e.target_group), (m.month, e.indicator_code))
        """));
    List<String> actual = lines(Rollup.distinctPersons(events, months)
        .select(Rollup.MONTH, Rollup.INDICATOR, Rollup.WARD, Rollup.GROUP, Rollup.NUMERATOR));
    assertEquals(List.of(), firstFew(expected, actual), "rows count(DISTINCT) gives that distinctPersons does not");
    assertEquals(List.of(), firstFew(actual, expected), "rows distinctPersons gives that count(DISTINCT) does not");
    assertEquals(expected.size(), actual.size());
  }

  private static List<String> firstFew(List<String> rows, List<String> without) {
    return rows.stream().filter(r -> !without.contains(r)).limit(3).toList();
  }

  private static List<String> lines(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
