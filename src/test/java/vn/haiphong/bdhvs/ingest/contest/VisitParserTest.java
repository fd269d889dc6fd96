package vn.haiphong.bdhvs.ingest.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.ingest.ParserOutput;

class VisitParserTest {

  private static ParserOutput parse(String row) {
    return ParserOutput.csv("contest_visits", new VisitParser(), "contest/2025-11-03/visits.csv", "2025-11-03",
        "Ngày;Lượt truy cập;Người dùng duy nhất\n" + row + "\n");
  }

  @Test
  void parse_readsCountsWithThousandsDotsAndRemembersTheDelivery() {
    Map<String, Object> r = parse("01/11/2025;45.344;1.200").only();
    assertEquals(java.sql.Date.valueOf("2025-11-01"), r.get("date"));
    assertEquals(45344L, r.get("visits"));
    assertEquals(1200L, r.get("unique_users"));
    assertEquals("2025-11-03", r.get("delivery_folder"));
    assertEquals("contest/2025-11-03/visits.csv", r.get("source_file"));
  }

  @Test
  void parse_unreadableDayIsRejectedBadDate() {
    assertEquals(List.of("bad_date"), parse("2025-11-01;5;3").rejectReasons());
  }
}
