package vn.haiphong.bdhvs.ingest.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.TestPeople.AN;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.TestPeople;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.CourseCatalog;

class StatementParserTest {
  static final String PATH = "course/national-mooc/2025-12-01/statements.jsonl";
  private static final String MOOC = "https://mooc.example.vn";
  private static final String CERTIFYING = "MOOC-CDS-01";
  private static final String NOT_CERTIFYING = "HP-KNS-01";

  /** One xAPI statement as a JSON line; {@code extensions} is the inside of context.extensions. */
  static String statement(String id, String homePage, String account, String verb, String objectId, String extensions) {
    return String.format("{\"id\":\"%s\",\"actor\":{\"account\":{\"homePage\":\"%s\",\"name\":\"%s\"}},"
        + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/%s\"},\"object\":{\"id\":\"%s\"},"
        + "\"result\":{\"completion\":true,\"score\":{\"scaled\":0.9}},"
        + "\"timestamp\":\"2025-11-30T18:30:00Z\",\"context\":{\"extensions\":{%s}}}", id, homePage, account, verb,
        objectId, extensions);
  }

  static String course(String code) {
    return MOOC + "/course/" + code;
  }

  static ParserOutput parse(String... lines) {
    return ParserOutput.parse(new JsonLinesParser(vn.haiphong.bdhvs.ingest.IngestLimits.DEFAULTS, new StatementParser(TestPeople.resolver(), CourseCatalog.loadDefault())),
        PATH, "2025-12-01", String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, Object> passed(String code) {
    return parse(statement("S1", MOOC, "u1", "passed", course(code), "")).only();
  }

  @Test
  void parse_vneidActorIsKeyedByTheCccd() {
    ParserOutput out = parse(statement("S1", "https://vneid.gov.vn/", AN.cccd(), "launched", course(CERTIFYING), ""));
    Map<String, Object> r = out.only();
    assertEquals("cccd", r.get("person_key_basis"));
    assertEquals(TestLanding.KEYS.personKey(AN.cccd(), null, null, null), r.get("person_key"));
    out.assertHides(AN);
  }

  @Test
  void parse_otherHomePageIsAPlatformIdEvenWhenItLooksLikeACccd() {
    Map<String, Object> r = parse(statement("S1", MOOC, AN.cccd(), "launched", course(CERTIFYING), "")).only();
    assertEquals("platform", r.get("person_key_basis"));
    assertEquals(TestLanding.KEYS.personKey(null, null, "national-mooc", AN.cccd()), r.get("person_key"));
  }

  @Test
  void parse_extensionKeysAreMatchedByTheirLastSegmentWhateverHostAndPrefix() {
    Map<String, Object> r = parse(statement("S1", MOOC, "u1", "launched", course(CERTIFYING),
        "\"https://a.example.vn/xapi/ward\":\"11560\",\"http://lrs.example.org/ext/v2/Target-Group\":\"HSSV\","
            + "\"https://b.example.vn/birth-year/\":\"1991\"")).only();
    assertEquals("11560", r.get("ward_code"));
    assertEquals("student", r.get("target_group"));
    assertEquals(1991, r.get("birth_year"));
  }

  @Test
  void parse_utcTimestampFallsOnTheHaiPhongDayAndMonth() {
    Map<String, Object> r = passed(CERTIFYING);
    assertEquals(java.sql.Date.valueOf("2025-12-01"), r.get("local_date"));
    assertEquals("2025-12", r.get("local_month"));
  }

  @Test
  void parse_passedOnACertificationCourseCertifies() {
    assertEquals(true, passed(CERTIFYING).get("certifies"));
  }

  @Test
  void parse_passedOnAnOrdinaryCourseDoesNotCertify() {
    assertEquals(false, passed(NOT_CERTIFYING).get("certifies"));
  }

  @Test
  void parse_completedOnACertificationCourseDoesNotCertify() {
    Map<String, Object> r = parse(statement("S1", MOOC, "u1", "completed", course(CERTIFYING), "")).only();
    assertEquals(false, r.get("certifies"));
  }

  @Test
  void parse_unknownCourseIsKeptAndFlagged() {
    Map<String, Object> r = passed("XX-99");
    assertEquals("XX-99", r.get("course_code"));
    assertEquals(false, r.get("certifies"));
    assertTrue(ParserOutput.flags(r).contains("course_unknown"), ParserOutput.flags(r).toString());
  }

  @Test
  void parse_voidedStatementNamesTheStatementItCancelsAndNoCourse() {
    Map<String, Object> r = parse(statement("V1", MOOC, "u1", "voided", "s1", "")).only();
    assertEquals("voided", r.get("verb"));
    assertEquals("s1", r.get("voided_statement_id"));
    assertNull(r.get("course_code"));
  }

  @Test
  void parse_statementIdsAndTheirReferencesAreUuidsComparedInLowerCase() {
    String id = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    ParserOutput out = parse(statement(id, MOOC, "u1", "passed", course(CERTIFYING), ""),
        statement("V1", MOOC, "u1", "voided", id.toUpperCase(java.util.Locale.ROOT), ""));
    assertEquals(out.accepted().get(0).get("statement_id"), out.accepted().get(1).get("voided_statement_id"));
  }

  @Test
  void parse_timestampInYear9999IsRejectedBadDateNotAMonthPlus10000() {
    ParserOutput out = parse(statement("S1", MOOC, "u1", "passed", course(CERTIFYING), "")
        .replace("2025-11-30T18:30:00Z", "9999-12-31T23:59:59Z"));
    assertEquals(List.of("bad_date"), out.rejectReasons());
    assertTrue(out.rejects().get(0).contains("expected a date from 2000 to 2100"), out.rejects().toString());
  }

  @Test
  void parse_scaledScoreBeyondItsRangeIsNullAndFlagged() {
    for (String score : List.of("1e309", "1.5", "-2")) {
      Map<String, Object> r = parse(statement("S1", MOOC, "u1", "passed", course(CERTIFYING), "")
          .replace("\"scaled\":0.9", "\"scaled\":" + score)).only();
      ParserOutput.assertNullAndFlagged(r, "score_scaled", "bad_value:score_scaled");
    }
  }

  @Test
  void parse_birthYearBeyondAnIntOrBefore1900IsNullAndFlagged() {
    for (String year : List.of("99999999999", "1850")) {
      Map<String, Object> r = parse(statement("S1", MOOC, "u1", "passed", course(CERTIFYING),
          "\"https://x.vn/ext/birth-year\":\"" + year + "\"")).only();
      ParserOutput.assertNullAndFlagged(r, "birth_year", "bad_value:birth_year");
    }
  }

  @Test
  void parse_unknownVerbIsRejected() {
    assertEquals(List.of("unknown_verb"), parse(statement("S1", MOOC, "u1", "liked", course(CERTIFYING), "")).rejectReasons());
  }

  @Test
  void parse_unknownVerbDetailListsTheVerbsInOneFixedOrder() {
    // The same reject must read the same in every JVM, or two runs of one landing differ.
    assertEquals(List.of("unknown_verb: verb.id is not an ADL verb bdhvs reads (found a value shaped "
            + "'aaaa://aaaaaa.aaa/aaaaaa/aaaaa/aaaaa' (not quoted: the record holds personal data));"
            + " expected one of [registered, launched, progressed, completed, passed, failed, voided]"),
        parse(statement("S1", MOOC, "u1", "liked", course(CERTIFYING), "")).rejects());
  }

  @Test
  void parse_statementWithoutActorIsRejectedMissingRequired() {
    String noActor = statement("S1", MOOC, "u1", "passed", course(CERTIFYING), "").replaceFirst("\"actor\":\\{[^}]*\\}\\},", "");
    assertEquals(List.of("missing_required"), parse(noActor).rejectReasons());
  }
}
