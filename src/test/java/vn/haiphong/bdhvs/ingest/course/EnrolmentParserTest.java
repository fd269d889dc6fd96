package vn.haiphong.bdhvs.ingest.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.TestPeople.AN;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.TestPeople;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.CourseCatalog;

class EnrolmentParserTest {
  private static final String HEADER = "Mã học viên,Họ và tên,Số CCCD,Số điện thoại,Ngày sinh,Giới tính,"
      + "Xã/Phường/Đặc khu,Đối tượng,Mã lớp,Tên lớp,Ngày ghi danh,Tiến độ (%),Ngày hoàn thành,Trạng thái";
  private static final EnrolmentParser PARSER =
      new EnrolmentParser(TestPeople.resolver(), CourseCatalog.loadDefault());

  /** A learner row for the fixture person; the class and the progress columns vary. */
  private static String row(String learner, String classCode, String progress, String completedOn, String status) {
    return String.join(",", learner, AN.name(), AN.cccd(), "\"" + AN.phone() + "\"", AN.birthDate(), "Nữ",
        "thuy nguyen", "Học sinh", classCode, "Lớp", "01/10/2025", progress, completedOn, status);
  }

  private static ParserOutput parse(String row) {
    return ParserOutput.csv("lms_enrolments", PARSER, "course/city-lms/2025-11-08/enrolments.csv", "2025-11-08",
        HEADER + "\n" + row + "\n");
  }

  @Test
  void parse_learnerWithCccdIsKeyedByItAndKeepsOnlyTheBirthYear() {
    ParserOutput out = parse(row("L1", "HP-KNS-01", "50%", "", "Đang học"));
    Map<String, Object> r = out.only();
    assertEquals("cccd", r.get("person_key_basis"));
    assertEquals(TestLanding.KEYS.personKey(AN.cccd(), null, null, null), r.get("person_key"));
    assertEquals(AN.birthYear(), r.get("birth_year"));
    assertEquals("student", r.get("target_group"));
    out.assertHides(AN);
  }

  @Test
  void parse_readsProgressStatusCompletionAndTheSnapshotDay() {
    Map<String, Object> r = parse(row("L1", "hp-kns-01", "\"85,5\"", "05/11/2025", "Hoàn thành")).only();
    assertEquals("HP-KNS-01", r.get("class_code"));
    assertEquals(85.5, r.get("progress_pct"));
    assertEquals("completed", r.get("status"));
    assertEquals(java.sql.Date.valueOf("2025-11-05"), r.get("completed_on"));
    assertEquals(java.sql.Date.valueOf("2025-11-08"), r.get("snapshot_date"));
  }

  @Test
  void parse_unknownClassIsKeptAndFlagged() {
    Map<String, Object> r = parse(row("L1", "XX-99", "0", "", "Chưa bắt đầu")).only();
    assertEquals("XX-99", r.get("class_code"));
    assertEquals(List.of("course_unknown"), ParserOutput.flags(r));
  }

  @Test
  void parse_rowWithoutClassCodeIsRejectedNamingTheHeader() {
    ParserOutput out = parse(row("L1", "", "0", "", "Chưa bắt đầu"));
    assertEquals(List.of("missing_required"), out.rejectReasons());
    assertTrue(out.rejects().get(0).contains("Mã lớp"), out.rejects().get(0));
    out.assertHides(AN);
  }
}
