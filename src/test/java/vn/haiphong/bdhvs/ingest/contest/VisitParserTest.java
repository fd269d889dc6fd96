package vn.haiphong.bdhvs.ingest.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  @Test
  void parse_millionsOfIgnoredColumns_areNotedAsCountsAndTheFirstFewNames() {
    StringBuilder header = new StringBuilder("Ngày;Lượt truy cập;Người dùng duy nhất");
    StringBuilder row = new StringBuilder("01/11/2025;5;3");
    for (int i = 0; i < 1_000_000; i++) {
      header.append(";Cột ").append(i).append(";Cột ").append(i);
      row.append(";;");
    }
    ParserOutput out = ParserOutput.csv("contest_visits", new VisitParser(), "contest/2025-11-03/visits.csv",
        "2025-11-03", header + "\n" + row + "\n");
    assertEquals(1, out.accepted().size());
    List<String> notes = out.notes().stream().map(n -> n.length() < 500 ? n : n.substring(0, 500) + "…").toList();
    assertEquals(2, notes.size(), notes::toString);
    assertTrue(notes.get(0).startsWith("ignored unknown column(s) Cột 0, Cột 1,"), notes.get(0));
    assertTrue(notes.get(0).endsWith(", Cột 9 and 999990 more"), notes.get(0));
    assertTrue(notes.get(1).startsWith("column(s) Cột 0, Cột 1,"), notes.get(1));
    assertTrue(notes.get(1).contains(", Cột 9 and 999990 more appear more than once in the header"), notes.get(1));
    notes.forEach(n -> assertTrue(n.length() < 500, n));
  }
}
