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
import vn.haiphong.bdhvs.reference.PopulationDenominators;
import vn.haiphong.bdhvs.reference.ReportMetric;
import vn.haiphong.bdhvs.reference.ReportMetrics;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * unit-reports/&lt;day&gt;/&lt;unit&gt;_&lt;period&gt;_&lt;n&gt;.json: the reporting form's documents for
 * 2025-09…2025-11 (monthly) and 2025-Q3, from the units of {@code reference/reporting_units.csv},
 * with the figures of {@link ReportedFigures}: most on time, some late, some missing (never a ward's
 * or department's November report), some resubmitted; notes are hostile text on purpose.
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

  /** A reporting period; {@code month} is the month whose figures it carries (0 = September). */
  private record Period(String period, String type, LocalDate end, int month) {
  }

  /** One report received: when, and whether a corrected document supersedes it. */
  private record Submission(ReportingUnit unit, Period period, LocalDateTime at, boolean resubmitted) {
  }

  private final LandingFolder landing;
  private final SplittableRandom random;
  private final List<ReportingUnit> units;
  private final WardDirectory directory;
  private final ReportedFigures figures;
  private int files;

  UnitReportDocuments(LandingFolder landing, SplittableRandom random, WardDirectory directory) {
    this.landing = landing;
    this.random = random;
    this.directory = directory;
    this.units = ReportingUnits.load(directory).units();
    this.figures = new ReportedFigures(random.split(), PopulationDenominators.load(), ReportMetrics.load(), units);
  }

  void generate() {
    List<Period> periods = new ArrayList<>();
    for (int m = 0; m < DeliveryCalendar.REPORT_MONTHS.size(); m++) {
      YearMonth month = DeliveryCalendar.REPORT_MONTHS.get(m);
      periods.add(new Period(month.toString(), "month", month.atEndOfMonth(), m));
    }
    periods.add(new Period("2025-Q3", "quarter", LocalDate.of(2025, 9, 30), 0));
    List<Submission> received = new ArrayList<>();
    for (Period p : periods) {
      int expected = 0;
      int onTime = 0;
      int before = received.size();
      for (ReportingUnit unit : units) {
        if (!unit.expectedPeriodTypes().contains(p.type())) {
          continue;
        }
        expected++;
        int fate = random.nextInt(100);
        if (fate < 8 && !reportsOfficialsFor(unit, p)) {
          landing.quirks.quirk("unit_report_missing");
          continue;
        }
        // The wards and departments all report November (the seed report counts 128 units): one
        // that would have missed it reports late instead.
        boolean late = fate < 22;
        int day = late ? 6 + random.nextInt(7) : 1 + random.nextInt(5);
        onTime += late ? 0 : 1;
        landing.quirks.quirk(late ? "unit_report_late" : "unit_report_on_time");
        LocalDate date = p.end().plusDays(day);
        if (date.isAfter(DeliveryCalendar.LAST_DELIVERY)) {
          date = DeliveryCalendar.LAST_DELIVERY;
        }
        LocalDateTime at = date.atTime(7 + random.nextInt(11), random.nextInt(60));
        received.add(new Submission(unit, p, at, day <= 3 && random.nextInt(15) == 0));
      }
      String key = p.period().replace('-', '_');
      landing.ledger.fact("unit_reports_" + key + "_expected", expected);
      landing.ledger.fact("unit_reports_" + key + "_received", received.size() - before);
      landing.ledger.fact("unit_reports_" + key + "_on_time", onTime);
    }
    plantSlips(received);
    int hostile = 0;
    for (Submission r : received) {
      String note = hostile < HOSTILE_NOTES.size() * 3 && random.nextInt(6) == 0
          ? HOSTILE_NOTES.get(hostile++ % HOSTILE_NOTES.size()) : PLAIN_NOTES.get(random.nextInt(PLAIN_NOTES.size()));
      Period p = r.period();
      if (r.resubmitted()) {
        // A first document, then a corrected one for the same unit × period, still by the 5th: it supersedes the first.
        write(r.unit(), r.unit().code(), p.period(), p.type(), r.at(), note, p.month(), true, null);
        write(r.unit(), r.unit().code(), p.period(), p.type(), r.at().plusHours(20 + random.nextInt(20)),
            "Bổ sung, thay thế báo cáo trước.", p.month(), false, null);
        landing.quirks.quirk("unit_report_resubmitted");
      } else {
        write(r.unit(), r.unit().code(), p.period(), p.type(), r.at(), note, p.month(), false, null);
      }
    }
    landing.quirks.quirk("unit_report_hostile_notes", hostile);
    officialsTrained(received);
    ReportingUnit someone = units.get(0);
    // A unit nobody listed: kept and flagged. It answers the yes/no question only, so that the
    // city's figures of the listed units stay those of the seed report.
    write(null, "PHUONG-MOI-01", "2025-11", "month", LocalDateTime.of(2025, 12, 4, 10, 0), "Đơn vị mới thành lập.",
        DeliveryCalendar.REPORT_MONTHS.size() - 1, false, QualityFlag.UNIT_UNKNOWN);
    landing.quirks.quirk("unit_report_unknown_unit");
    // A quarter written as a month: bad_period.
    ExpectedLedger.FileEntry badPeriod = write(someone, someone.code(), "2025-11", "quarter",
        LocalDateTime.of(2025, 12, 2, 9, 30), "", 2, false, null);
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

  /** A ward or department in the November monthly period: the units whose officials the seed report counts. */
  private boolean reportsOfficialsFor(ReportingUnit unit, Period p) {
    return p.type().equals("month") && p.month() == DeliveryCalendar.REPORT_MONTHS.size() - 1
        && (unit.kind().equals("ward") || unit.kind().equals("department"));
  }

  /**
   * Typing errors in received monthly reports, a few of each kind: sessions for a yes/no answer and
   * mentors swapped with mentees (wards, any month), a digit dropped from October's adults with
   * basic skills (wards that sent September too, so that the figure is seen to fall), a digit too
   * many in the education department's count of institutions (October).
   */
  private void plantSlips(List<Submission> received) {
    List<Submission> wardMonths = received.stream()
        .filter(r -> r.unit().kind().equals("ward") && r.period().type().equals("month")).toList();
    java.util.Set<String> septemberSent = new java.util.HashSet<>();
    wardMonths.stream().filter(r -> r.period().month() == 0).forEach(r -> septemberSent.add(r.unit().code()));
    List<Submission> octoberAfterSeptember = wardMonths.stream()
        .filter(r -> r.period().month() == 1 && septemberSent.contains(r.unit().code())).toList();
    plant(wardMonths, ReportedFigures.Slip.SESSIONS_FOR_YES_NO, 4);
    plant(wardMonths, ReportedFigures.Slip.MENTORS_SWAPPED, 3);
    plant(octoberAfterSeptember, ReportedFigures.Slip.DIGIT_DROPPED, 3);
    plant(received.stream().filter(r -> r.unit().code().equals("SO-GDDT") && r.period().type().equals("month")
        && r.period().month() == 1).toList(), ReportedFigures.Slip.DIGIT_ADDED, 1);
  }

  private void plant(List<Submission> candidates, ReportedFigures.Slip slip, int wanted) {
    int planted = 0;
    for (int tries = 0; planted < wanted && tries < 100 && !candidates.isEmpty(); tries++) {
      Submission r = candidates.get(random.nextInt(candidates.size()));
      if (!figures.hasSlip(r.unit().code(), r.period().month())) {
        figures.plant(r.unit().code(), r.period().month(), slip);
        planted++;
      }
    }
    landing.quirks.quirk("unit_report_slip_" + slip.name().toLowerCase(java.util.Locale.ROOT), planted);
    landing.ledger.fact("unit_report_slips_" + slip.name().toLowerCase(java.util.Locale.ROOT), planted);
  }

  /** The seed report's "21.235 … của 128 đơn vị": November's officials trained of the wards and departments. */
  private void officialsTrained(List<Submission> received) {
    int month = DeliveryCalendar.REPORT_MONTHS.size() - 1;
    List<Submission> november = received.stream().filter(r -> reportsOfficialsFor(r.unit(), r.period())).toList();
    long trained = november.stream().mapToLong(r -> figures.value(r.unit().code(), "officials_skilled", month)).sum();
    long staff = november.stream().mapToLong(r -> figures.value(r.unit().code(), "officials_total", month)).sum();
    if (trained != ReportedFigures.OFFICIALS_TRAINED) {
      throw new IllegalStateException("officials trained in November: " + trained + ", planned " + ReportedFigures.OFFICIALS_TRAINED);
    }
    landing.ledger.fact("units_reporting_officials_2025_11", november.size());
    landing.ledger.fact("officials_trained_2025_11", trained);
    landing.ledger.fact("officials_total_2025_11", staff);
  }

  /**
   * One document. {@code unit} null: a unit nobody listed (it answers the yes/no question only).
   * {@code superseded}: the first of two documents, whose figures the second corrects.
   */
  private ExpectedLedger.FileEntry write(ReportingUnit unit, String unitCode, String period, String type,
      LocalDateTime at, String note, int month, boolean superseded, QualityFlag flag) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("schema_version", 1);
    doc.put("report_id", String.format("BC-%s-%s-%04d", unitCode, period, ++files));
    doc.put("unit_code", unitCode);
    String ward = null;
    if (unit != null && unit.wardCode() != null) {
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
    if (unit == null) {
      values.add(metric("community_class_held", null, 1));
    } else {
      for (ReportMetric m : figures.metricsFor(unit)) {
        long v = figures.value(unit.code(), m.code(), month);
        // The superseded document undercounts what the correction reports (totals and a yes/no stay as they are).
        boolean undercounted = superseded && m.role().equals("numerator") && !m.code().equals("community_class_held");
        values.add(metric(m.code(), m.targetGroup(), undercounted ? v * (90 + random.nextInt(10)) / 100 : v));
      }
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

  private static Map<String, Object> metric(String code, String targetGroup, long value) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("code", code);
    v.put("target_group", targetGroup);
    v.put("value", value);
    return v;
  }
}
