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

  @Test
  void parse_brokenJsonRejectsTheFile() {
    assertEquals(List.of("file_invalid_json"), parse("{\"unit_code\": ").rejectReasons());
  }
}
