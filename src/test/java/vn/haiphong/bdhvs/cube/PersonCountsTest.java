package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;

class PersonCountsTest extends SharedSpark {
  @TempDir
  Path dir;

  /**
   * Counting persons once in the month of their first date and summing over months (both engines)
   * must give what joining every registration to every month end and counting distinct persons
   * gives — here that count is Spark SQL's own GROUPING SETS, over persons in several cells,
   * registrations before, between and after the months, null dates and a null person.
   */
  @Test
  void contestRegistrants_equalCountDistinctOfRegistrationsToEachMonthEnd() {
    Random random = new Random(7);
    String[] wards = {"10525", "10537", "UNKNOWN"};
    String[] groups = {"resident", "student"};
    CubeFixture f = new CubeFixture();
    for (int i = 0; i < 400; i++) {
      LocalDate day = LocalDate.of(2025, 8, 1).plusDays(random.nextInt(160));
      f.registrations.row("person_key", i % 97 == 0 ? null : "p" + random.nextInt(60),
          "ward_code", wards[random.nextInt(wards.length)], "target_group", groups[random.nextInt(groups.length)],
          "registered_date", i % 50 == 0 ? null : StagedRows.date(day.toString()));
    }
    CubeReference ref = CubeFixture.reference("2025-09", "2025-10", "2025-11");
    Dataset<Row> cube = BothEngines.indicatorCube(spark(), f, ref, dir);
    f.registrations.frame(spark()).createOrReplaceTempView("test_registrations");
    ReferenceFrames.months(ref.months()).toSpark(spark()).createOrReplaceTempView("test_months");

    List<String> expected = lines(spark().sql("""
        SELECT m.month, CASE WHEN grouping(r.ward_code) = 1 THEN 'ALL' ELSE r.ward_code END,
               CASE WHEN grouping(r.target_group) = 1 THEN 'ALL' ELSE r.target_group END,
               CAST(count(DISTINCT r.person_key) AS DOUBLE)
        FROM test_registrations r JOIN test_months m ON r.registered_date <= m.month_end
        GROUP BY GROUPING SETS ((m.month, r.ward_code, r.target_group), (m.month, r.ward_code),
          (m.month, r.target_group), (m.month))
        """));
    List<String> actual = lines(cube.filter("indicator_code = 'CONTEST_REGISTRANTS' AND numerator > 0")
        .select("month", "ward_code", "target_group", "numerator"));
    assertEquals(expected.stream().filter(r -> !r.endsWith(",0.0]")).toList(), actual);
  }

  private static List<String> lines(Dataset<Row> rows) {
    return rows.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
