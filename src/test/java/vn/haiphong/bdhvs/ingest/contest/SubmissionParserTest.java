package vn.haiphong.bdhvs.ingest.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.TestPeople;
import vn.haiphong.bdhvs.ingest.ParserOutput;

class SubmissionParserTest {
  private static final String HEADER =
      "Mã thí sinh,Tuần thi,Lần thi,Điểm,Số câu đúng,Thời gian làm bài (giây),Thời gian nộp bài";

  private static ParserOutput parse(String row) {
    return ParserOutput.csv("contest_submissions", new SubmissionParser(TestPeople.resolver()),
        "contest/2025-11-03/submissions.csv", "2025-11-03", HEADER + "\n" + row + "\n");
  }

  @Test
  void parse_readsVietnameseNumbersAndKeysTheCandidateLikeRegistrations() {
    Map<String, Object> r = parse("TS1,2,1,\"8,5\",17,1.200,03/11/2025 20:15").only();
    assertEquals(TestLanding.KEYS.pseudonym("contest", "TS1"), r.get("candidate_key"));
    assertEquals(2, r.get("week"));
    assertEquals(8.5, r.get("score"));
    assertEquals(17, r.get("correct_answers"));
    assertEquals(1200, r.get("duration_s"));
    assertEquals(java.sql.Date.valueOf("2025-11-03"), r.get("submitted_date"));
  }

  @Test
  void parse_unreadableScoreIsNullAndFlagged() {
    ParserOutput.assertNullAndFlagged(parse("TS1,2,1,tám,17,60,03/11/2025 20:15").only(), "score", "bad_value:score");
  }

  @Test
  void parse_countsBeyondAnIntAreNullAndFlaggedNotACrash() {
    Map<String, Object> r = parse("TS1,2,1,8,9999999999,99999999999999999999,03/11/2025 20:15").only();
    assertEquals(java.util.Arrays.asList(null, null), java.util.Arrays.asList(r.get("correct_answers"), r.get("duration_s")));
    assertEquals(List.of("bad_value:correct_answers", "bad_value:duration_s"), ParserOutput.flags(r));
  }

  @Test
  void parse_submissionInYear9999IsRejectedBadDate() {
    assertEquals(List.of("bad_date"), parse("TS1,2,1,8,17,60,31/12/9999 23:59").rejectReasons());
  }

  @Test
  void parse_submissionWithoutTimeIsRejected() {
    assertEquals(List.of("missing_required"), parse("TS1,2,1,8,17,60,").rejectReasons());
  }
}
