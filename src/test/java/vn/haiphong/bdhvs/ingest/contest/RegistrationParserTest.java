package vn.haiphong.bdhvs.ingest.contest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.TestPeople.AN;
import static vn.haiphong.bdhvs.TestPeople.BINH;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.TestPeople;
import vn.haiphong.bdhvs.TestPeople.Person;
import vn.haiphong.bdhvs.ingest.ParserOutput;

class RegistrationParserTest {
  private static final String HEADER = "Mã thí sinh;Họ và tên;Ngày sinh;Giới tính;Số điện thoại;Số CCCD;"
      + "Xã/Phường/Đặc khu;Đối tượng;Đơn vị công tác/học tập;Thời gian đăng ký";

  static String row(String candidate, Person p, String cccd, String registeredAt) {
    return String.join(";", candidate, p.name(), p.birthDate(), "Nữ", p.phone(), cccd, "Phường Thủy Nguyên",
        "Cán bộ", "UBND", registeredAt);
  }

  private static ParserOutput parse(String... rows) {
    return ParserOutput.csv("contest_registrations", new RegistrationParser(TestPeople.resolver()),
        "contest/2025-11-01/registrations.csv", "2025-11-01", HEADER + "\n" + String.join("\n", rows) + "\n");
  }

  @Test
  void parse_personWithCccdIsKeyedByTheCccd() {
    Map<String, Object> r = parse(row("TS1", AN, AN.cccd(), "01/11/2025 08:00")).only();
    assertEquals("cccd", r.get("person_key_basis"));
    assertEquals(TestLanding.KEYS.personKey(AN.cccd(), null, null, null), r.get("person_key"));
    assertEquals(TestLanding.KEYS.pseudonym("contest", "TS1"), r.get("candidate_key"));
  }

  @Test
  void parse_keepsAttributesAndOnlyTheBirthYear() {
    Map<String, Object> r = parse(row("TS1", AN, AN.cccd(), "01/11/2025 08:00")).only();
    assertEquals(AN.birthYear(), r.get("birth_year"));
    assertEquals("female", r.get("gender"));
    assertEquals("public_sector", r.get("target_group"));
    assertEquals("11560", r.get("ward_code"));
  }

  @Test
  void parse_localTimeBecomesAnInstantAndAHaiPhongDay() {
    Map<String, Object> r = parse(row("TS1", AN, "", "01/11/2025 06:30")).only();
    assertEquals(Instant.parse("2025-10-31T23:30:00Z"), ((java.sql.Timestamp) r.get("registered_at")).toInstant());
    assertEquals(java.sql.Date.valueOf("2025-11-01"), r.get("registered_date"));
    assertEquals("2025-11", r.get("registered_month"));
  }

  @Test
  void parse_rowWithoutCandidateIdIsRejectedNamingTheHeader() {
    ParserOutput out = parse(row("", AN, AN.cccd(), "01/11/2025 08:00"));
    assertEquals(0, out.accepted().size());
    assertEquals("missing_required", out.rejectReasons().get(0));
    assertTrue(out.rejects().get(0).contains("Mã thí sinh"), out.rejects().get(0));
  }

  @Test
  void parse_impossibleRegistrationTimeIsRejectedBadDate() {
    assertEquals("bad_date", parse(row("TS1", AN, AN.cccd(), "31/02/2025 10:00")).rejectReasons().get(0));
  }

  @Test
  void parse_outputAndRejectsNeverHoldNameCccdPhoneOrBirthDate() {
    ParserOutput out = parse(row("TS1", AN, AN.cccd(), "01/11/2025 08:00"), row("TS2", BINH, "", "01/11/2025 09:00"),
        row("", AN, AN.cccd(), "01/11/2025 08:00"), row("TS3", BINH, BINH.cccd(), "32/11/2025 08:00"));
    assertEquals(2, out.accepted().size());
    assertEquals(2, out.rejects().size());
    out.assertHides(AN);
    out.assertHides(BINH);
  }
}
