package vn.haiphong.bdhvs.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import vn.haiphong.bdhvs.ingest.QualityFlag;
import vn.haiphong.bdhvs.ingest.RejectReason;
import vn.haiphong.bdhvs.reference.ReportMetric;
import vn.haiphong.bdhvs.reference.ReportMetrics;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * unit-reports/&lt;day&gt;/&lt;unit&gt;_&lt;period&gt;_&lt;n&gt;.json: the reporting form's documents for
 * 2025-09…2025-11 (monthly) and 2025-Q3, from the units of {@code reference/reporting_units.csv}:
 * most on time, some late, some missing, some resubmitted; notes are hostile text on purpose.
 */
final class UnitReportDocuments {

  private static final DateTimeFormatter SUBMITTED = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final ZoneOffset LOCAL = ZoneOffset.ofHours(7);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Free text from outside: displayed, it must stay text. */
  static final List<String> HOSTILE_NOTES = List.of(
      "<script>alert(1)</script>",
      "\"><img src=x onerror=alert(document.cookie)>",
      "'; DROP TABLE indicator_cube; --",
      "Báo cáo\u200B tháng \u202Eđã duyệt\u202C \u200Fمرحبا\u200E kết thúc",
      "Đơn vị đã tổ chức nhiều lớp. ".repeat(130));
  private static final List<String> PLAIN_NOTES = List.of("", "Số liệu tính đến ngày cuối tháng.",
      "Đã tổ chức 3 buổi học kỹ năng số cho người dân.", "Một số tổ dân phố chưa cập nhật.");

  private record Period(String period, String type, LocalDate end) {
  }

  private final LandingFolder landing;
  private final SplittableRandom random;
  private final List<ReportingUnit> units;
  private final ReportMetrics metrics;
  private final WardDirectory directory;
  private int files;

  UnitReportDocuments(LandingFolder landing, SplittableRandom random, WardDirectory directory) {
    this.landing = landing;
    this.random = random;
    this.directory = directory;
    this.units = ReportingUnits.load(directory).units();
    this.metrics = ReportMetrics.load();
  }

  void generate() {
    List<Period> periods = new ArrayList<>();
    for (YearMonth m : DeliveryCalendar.REPORT_MONTHS) {
      periods.add(new Period(m.toString(), "month", m.atEndOfMonth()));
    }
    periods.add(new Period("2025-Q3", "quarter", LocalDate.of(2025, 9, 30)));
    int hostile = 0;
    for (Period p : periods) {
      int expected = 0;
      int received = 0;
      int onTime = 0;
      for (ReportingUnit unit : units) {
        if (!unit.expectedPeriodTypes().contains(p.type())) {
          continue;
        }
        expected++;
        int fate = random.nextInt(100);
        if (fate < 8) {
          landing.quirks.quirk("unit_report_missing");
          continue;
        }
        received++;
        boolean late = fate < 22;
        int day = late ? 6 + random.nextInt(7) : 1 + random.nextInt(5);
        onTime += late ? 0 : 1;
        landing.quirks.quirk(late ? "unit_report_late" : "unit_report_on_time");
        LocalDateTime at = p.end().plusDays(day).atTime(7 + random.nextInt(11), random.nextInt(60));
        String note = hostile < HOSTILE_NOTES.size() * 3 && random.nextInt(6) == 0
            ? HOSTILE_NOTES.get(hostile++ % HOSTILE_NOTES.size()) : PLAIN_NOTES.get(random.nextInt(PLAIN_NOTES.size()));
        write(unit, unit.code(), p.period(), p.type(), at, note, null);
        if (day <= 3 && random.nextInt(15) == 0) {
          // A corrected document for the same unit × period, still by the 5th: it supersedes the first.
          write(unit, unit.code(), p.period(), p.type(), at.plusHours(20 + random.nextInt(20)), "Bổ sung, thay thế báo cáo trước.", null);
          landing.quirks.quirk("unit_report_resubmitted");
        }
      }
      String key = p.period().replace('-', '_');
      landing.ledger.fact("unit_reports_" + key + "_expected", expected);
      landing.ledger.fact("unit_reports_" + key + "_received", received);
      landing.ledger.fact("unit_reports_" + key + "_on_time", onTime);
    }
    landing.quirks.quirk("unit_report_hostile_notes", hostile);
    ReportingUnit someone = units.get(0);
    // A unit nobody listed: kept and flagged.
    write(someone, "PHUONG-MOI-01", "2025-11", "month", LocalDateTime.of(2025, 12, 4, 10, 0), "Đơn vị mới thành lập.", QualityFlag.UNIT_UNKNOWN);
    landing.quirks.quirk("unit_report_unknown_unit");
    // A quarter written as a month: bad_period.
    ExpectedLedger.FileEntry badPeriod = write(someone, someone.code(), "2025-11", "quarter", LocalDateTime.of(2025, 12, 2, 9, 30), "", null);
    // A document is one record: an unusable one rejects its whole file.
    badPeriod.fileReject = RejectReason.BAD_PERIOD;
    landing.quirks.quirk("unit_report_bad_period");
    // A form export cut off mid-document.
    String path = "unit-reports/2025-12-03/bao-cao-loi-" + (++files) + ".json";
    ExpectedLedger.FileEntry broken = landing.ledger.file("unit-reports", "unit_reports", path);
    broken.row();
    broken.fileReject = RejectReason.FILE_INVALID_JSON;
    landing.write(path, "{ \"schema_version\": 1, \"unit_code\": \"SO-GDDT\", \"period\": \"2025-11\", \"metrics\": [ {\"code\": "
        .getBytes(StandardCharsets.UTF_8));
    landing.quirks.quirk("file_invalid_json");
  }

  private ExpectedLedger.FileEntry write(ReportingUnit unit, String unitCode, String period, String type,
      LocalDateTime at, String note, QualityFlag flag) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema_version", 1);
    doc.put("report_id", String.format("BC-%s-%s-%04d", unitCode, period, ++files));
    doc.put("unit_code", unitCode);
    String ward = null;
    if (unit.wardCode() != null) {
      // Ward units write their code, schools the ward's name.
      ward = unit.kind().equals("school")
          ? directory.byCode(unit.wardCode()).map(w -> w.name()).orElse(unit.wardCode())
          : unit.wardCode();
      doc.put("ward", ward);
    }
    doc.put("period", period);
    doc.put("period_type", type);
    doc.put("submitted_at", at.atOffset(LOCAL).format(SUBMITTED));
    List<Map<String, Object>> values = new ArrayList<>();
    for (ReportMetric m : metricsFor(unit.kind())) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("code", m.code());
      v.put("target_group", m.targetGroup());
      v.put("value", m.role().equals("denominator") ? 200 + random.nextInt(5000) : random.nextInt(200));
      values.add(v);
    }
    doc.put("metrics", values);
    doc.put("notes", note);
    String path = "unit-reports/" + at.toLocalDate() + "/" + unitCode.toLowerCase(java.util.Locale.ROOT)
        + "_" + period + "_" + files + ".json";
    ExpectedLedger.FileEntry entry = landing.ledger.file("unit-reports", "unit_reports", path);
    entry.row();
    if (flag != null) {
      entry.flag(flag);
    }
    String wardFlag = ward == null ? null : directory.resolve(ward).flag();
    if (wardFlag != null) {
      entry.flag(QualityFlag.valueOf(wardFlag.toUpperCase(java.util.Locale.ROOT)));
    }
    try {
      landing.write(path, JSON.writeValueAsBytes(doc));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return entry;
  }

  /** Metric codes a unit of this kind writes (each code once). */
  private List<ReportMetric> metricsFor(String kind) {
    List<String> prefixes = switch (kind) {
      case "ward" -> List.of("adults_", "officials_", "households_", "community_", "mentor", "mentee");
      case "school" -> List.of("students_", "parents_");
      default -> List.of("officials_", "workers_", "edu_");
    };
    List<ReportMetric> out = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (ReportMetric m : metrics.metrics()) {
      if (prefixes.stream().anyMatch(m.code()::startsWith) && seen.add(m.code())) {
        out.add(m);
      }
    }
    return out;
  }
}
