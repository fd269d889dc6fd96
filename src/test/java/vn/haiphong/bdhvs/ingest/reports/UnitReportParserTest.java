package vn.haiphong.bdhvs.ingest.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;

class UnitReportParserTest {
  private static final WardDirectory WARDS = WardDirectory.load();
  private static final UnitReportParser PARSER =
      new UnitReportParser(ReportingUnits.load(WARDS), WARDS, TargetGroupLabels.load());

  /** A report document of unit UB-11560 with one metric; the period fields and submission time vary. */
  private static String document(String unit, String periodType, String period, String submittedAt) {
    return String.format("{\"schema_version\":1,\"report_id\":\"r1\",\"unit_code\":\"%s\",\"period\":\"%s\","
        + "\"period_type\":\"%s\",\"submitted_at\":\"%s\",\"metrics\":[{\"code\":\"officials_total\","
        + "\"target_group\":\"CBCCVC\",\"value\":\"12,5\"}],\"notes\":\"ok\"}", unit, period, periodType, submittedAt);
  }

  private static ParserOutput parse(String json) {
    return ParserOutput.parse(PARSER, "unit-reports/2025-12-05/r1.json", "2025-12-05", json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parse_readsPeriodBoundsSubmissionDayAndMetrics() {
    Map<String, Object> r = parse(document("UB-11560", "quarter", "2025-Q4", "2026-01-05T23:30:00+07:00")).only();
    assertEquals(java.sql.Date.valueOf("2025-10-01"), r.get("period_start"));
    assertEquals(java.sql.Date.valueOf("2025-12-31"), r.get("period_end"));
    assertEquals(java.sql.Date.valueOf("2026-01-05"), r.get("submitted_date"));
    assertEquals(true, r.get("on_time"));
    assertEquals("11560", r.get("ward_code"));
    Row metric = (Row) ((Object[]) r.get("metrics"))[0];
    assertEquals(List.of("officials_total", "public_sector", 12.5), List.of(metric.get(0), metric.get(1), metric.get(2)));
  }

  @Test
  void parse_submissionDayIsTakenInHaiPhongTime() {
    // 2025-12-05T17:30Z is already the 6th in Hải Phòng: late.
    Map<String, Object> r = parse(document("UB-11560", "month", "2025-11", "2025-12-05T17:30:00Z")).only();
    assertEquals(java.sql.Date.valueOf("2025-12-06"), r.get("submitted_date"));
    assertEquals(false, r.get("on_time"));
  }

  @Test
  void parse_periodNotMatchingItsTypeRejectsTheDocumentSayingWhatWasExpected() {
    ParserOutput out = parse(document("UB-11560", "half", "2025-Q4", "2026-01-05T09:00:00+07:00"));
    assertEquals(List.of("bad_period"), out.rejectReasons());
    assertTrue(out.rejects().get(0).contains("yyyy-Hn"), out.rejects().get(0));
  }

  @Test
  void parse_unknownUnitIsKeptAndFlagged() {
    Map<String, Object> r = parse(document("UB-00000", "month", "2025-11", "2025-12-02T09:00:00+07:00")).only();
    assertTrue(ParserOutput.flags(r).contains("unit_unknown"), ParserOutput.flags(r).toString());
  }

  @Test
  void parse_documentWithoutUnitCodeIsRejectedMissingRequired() {
    assertEquals(List.of("missing_required"), parse(document("", "month", "2025-11", "2025-12-02T09:00:00+07:00")).rejectReasons());
  }

  /** A report of UB-11560 for November 2025 with these metrics (the inside of its array). */
  private static ParserOutput withMetrics(String metrics) {
    return parse(document("UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00")
        .replaceFirst("\"metrics\":\\[.*\\]", "\"metrics\":[" + metrics + "]"));
  }

  private static String metric(String code, String value) {
    return "{\"code\":\"" + code + "\",\"value\":" + value + "}";
  }

  @Test
  void parse_keyGivenTwiceRejectsTheFileNamingTheKey() {
    String twice = document("UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00")
        .replace("\"unit_code\":\"UB-11560\"", "\"unit_code\":\"UB-11560\",\"unit_code\":\"UB-11561\"");
    ParserOutput out = parse(twice);
    assertEquals(List.of("file_invalid_json"), out.rejectReasons());
    assertTrue(out.rejects().get(0).contains("duplicate key 'unit_code'"), out.rejects().toString());
  }

  @Test
  void parse_metricValueGivenTwiceInOneMetricRejectsTheFile() {
    ParserOutput out = withMetrics("{\"code\":\"officials_total\",\"value\":412,\"value\":4120}");
    assertEquals(List.of("file_invalid_json"), out.rejectReasons());
    assertTrue(out.rejects().get(0).contains("duplicate key 'value'"), out.rejects().toString());
  }

  @Test
  void parse_metricGivenTwiceRejectsTheReport() {
    ParserOutput out = withMetrics(metric("officials_total", "412") + "," + metric("officials_total", "500"));
    assertEquals(List.of("bad_value: metric 'officials_total' is given twice; expected each metric once"), out.rejects());
  }

  @Test
  void parse_infiniteNegativeOrHugeCountRejectsTheReport() {
    for (String value : List.of("1e309", "-500", "\"-500\"", "-1e309")) {
      ParserOutput out = withMetrics(metric("households_digital", value));
      assertEquals(List.of("bad_value"), out.rejectReasons(), value);
      assertTrue(out.rejects().get(0).contains("metric 'households_digital': expected a count of 0 or more"),
          out.rejects().toString());
    }
  }

  @Test
  void parse_countAboveItsOwnTotalIsKeptAndFlagged() {
    Map<String, Object> r = withMetrics(metric("officials_total", "412") + "," + metric("officials_skilled", "999999")
        + "," + metric("adults_total", "3800") + "," + metric("adults_vneid_certified", "120")).only();
    assertEquals(List.of("count_above_total:officials_skilled"), ParserOutput.flags(r));
  }

  @Test
  void parse_ratioNumeratorAboveItsDenominatorIsNoFlaw() {
    Map<String, Object> r = withMetrics(metric("mentors", "4") + "," + metric("mentees", "120")).only();
    assertEquals(List.of(), ParserOutput.flags(r));
  }

  @Test
  void parse_periodOutsideThePlausibleYearsIsRejectedBadDate() {
    ParserOutput out = parse(document("UB-11560", "month", "0001-12", "2025-12-02T09:00:00+07:00"));
    assertEquals(List.of("bad_date: column 'period': expected a date from 2000 to 2100, found '0001-12'"), out.rejects());
  }

  @Test
  void parse_brokenJsonRejectsTheFile() {
    assertEquals(List.of("file_invalid_json"), parse("{\"unit_code\": ").rejectReasons());
  }
}
