package vn.haiphong.bdhvs.ingest.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.StagedRows;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;

class ApprovalParserTest {
  private static final String HEADER = "unit_code,period,version,submitted_at,decision,approver_role,decided_at\n";
  private static final Instant V1 = Instant.parse("2025-12-02T02:00:00Z");
  private static final Instant V2 = Instant.parse("2025-12-04T02:00:00Z");
  /** UB-11560 submitted November twice (the 2nd and the 4th of December), and nothing else. */
  private static final ReportVersions VERSIONS = new ReportVersions(Map.of(
      ReportVersions.key("UB-11560", "month", "2025-11"), List.of(V1, V2)));
  private static final ApprovalParser PARSER = new ApprovalParser(ReportingUnits.load(WardDirectory.load()), VERSIONS);

  private static ParserOutput parse(String... rows) {
    return ParserOutput.csv("unit_report_approvals", PARSER, "unit-reports/approvals/2025-12-08/approvals.csv",
        "2025-12-08", HEADER + String.join("\n", rows) + "\n");
  }

  @Test
  void parse_versionGivenIsDecidedOnWithItsSubmissionTime() {
    Map<String, Object> r = parse("ub-11560 ,2025-11,1,,Approved,city_analyst,2025-12-06T10:00:00+07:00").only();
    assertEquals("UB-11560", r.get("unit_code"));
    assertEquals("month", r.get("period_type"));
    assertEquals(1, r.get("version"));
    assertEquals(java.sql.Timestamp.from(V1), r.get("submitted_at"));
    assertEquals("approved", r.get("decision"));
    assertEquals(StagedRows.instant("2025-12-06T10:00:00+07:00"), r.get("decided_at"));
  }

  @Test
  void parse_withoutAVersionTheOneSubmittedThenOrTheLatestBeforeTheDecisionIsMeant() {
    assertEquals(2, parse("UB-11560,2025-11,,2025-12-04T09:00:00+07:00,returned,city_analyst,2025-12-06T10:00:00+07:00")
        .only().get("version"));
    // Decided on the 3rd: the analyst saw version 1, whatever came after.
    assertEquals(1, parse("UB-11560,2025-11,,,approved,,2025-12-03T10:00:00+07:00").only().get("version"));
    assertEquals(2, parse("UB-11560,2025-11,,,approved,,2025-12-07T10:00:00+07:00").only().get("version"));
  }

  @Test
  void parse_aVersionThatWasNeverSubmittedIsRejectedSayingWhatIsHeld() {
    ParserOutput out = parse("UB-11560,2025-11,3,,approved,city_analyst,2025-12-06T10:00:00+07:00",
        "UB-11560,2025-10,,,approved,city_analyst,2025-12-06T10:00:00+07:00",
        "UB-11560,2025-11,,,approved,city_analyst,2025-12-01T10:00:00+07:00");
    assertEquals(List.of("unknown_version", "unknown_version", "unknown_version"), out.rejectReasons());
    assertTrue(out.rejects().get(0).contains("expected version 3, found versions 1 to 2"), out.rejects().get(0));
    assertTrue(out.rejects().get(1).contains("no report submitted"), out.rejects().get(1));
  }

  @Test
  void parse_unknownUnitFuturePeriodAndUnreadableFieldsAreRejectedWithTheirReason() {
    ParserOutput out = parse(
        "PHUONG-MOI-01,2025-11,1,,approved,city_analyst,2025-12-06T10:00:00+07:00",
        "UB-11560,2026-01,1,,approved,city_analyst,2025-12-06T10:00:00+07:00",
        "UB-11560,2025-11,1,,accepted,city_analyst,2025-12-06T10:00:00+07:00",
        "UB-11560,2025-13,1,,approved,city_analyst,2025-12-06T10:00:00+07:00",
        "UB-11560,2025-11,first,,approved,city_analyst,2025-12-06T10:00:00+07:00",
        "UB-11560,2025-11,1,,approved,city_analyst,06/12/2025",
        "UB-11560,2025-11,1,,,city_analyst,2025-12-06T10:00:00+07:00");
    assertEquals(List.of("unknown_unit", "future_period", "bad_value", "bad_period", "bad_value", "bad_date",
        "missing_required"), out.rejectReasons());
    assertTrue(out.rejects().get(1).contains("expected a period begun by the delivery day 2025-12-08"), out.rejects().get(1));
    assertTrue(out.rejects().get(2).contains("expected approved or returned, found 'accepted'"), out.rejects().get(2));
  }
}
