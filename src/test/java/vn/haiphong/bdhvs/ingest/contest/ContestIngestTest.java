package vn.haiphong.bdhvs.ingest.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.haiphong.bdhvs.StagedRows.date;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;

class ContestIngestTest extends SharedSpark {

  private static Object[] visit(String day, long visits, String folder, long line) {
    return new Object[] {"date", date(day), "visits", visits, "delivery_folder", folder,
        "source_file", "contest/" + folder + "/visits.csv", "source_line", line};
  }

  private List<Row> latest(StagedRows rows) {
    return ContestIngest.latestDeliveryPerDay(rows.frame(spark())).orderBy("date").collectAsList();
  }

  @Test
  void latestDeliveryPerDay_laterFolderWinsTheDay() {
    List<Row> days = latest(StagedRows.of("contest_visits")
        .row(visit("2025-11-01", 100, "2025-11-01", 2))
        .row(visit("2025-11-01", 1200, "2025-11-03", 2))
        .row(visit("2025-11-02", 50, "2025-11-01", 3)));
    assertEquals(2, days.size());
    assertEquals(1200L, days.get(0).<Long>getAs("visits"));
    assertEquals("2025-11-03", days.get(0).getAs("delivery_folder"));
    assertEquals(50L, days.get(1).<Long>getAs("visits"), "a day no later delivery repeats stays");
  }

  @Test
  void latestDeliveryPerDay_sameDayTwiceInOneFileKeepsTheLastLine() {
    List<Row> days = latest(StagedRows.of("contest_visits")
        .row(visit("2025-11-01", 7, "2025-11-02", 3))
        .row(visit("2025-11-01", 9, "2025-11-02", 2)));
    assertEquals(1, days.size());
    assertEquals(7L, days.get(0).<Long>getAs("visits"));
  }
}
