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
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.codes.RejectReason;
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
 * or department's November report), some resubmitted; notes are hostile text on purpose. Then the
 * city's decisions on them, in unit-reports/approvals/&lt;day&gt;/approvals.csv ({@link #decide}).
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
  private final SplittableRandom decisions;
  private final List<ReportingUnit> units;
  private final WardDirectory directory;
  private final ReportedFigures figures;
  private int files;

  UnitReportDocuments(LandingFolder landing, SplittableRandom random, SplittableRandom decisions, WardDirectory directory) {
    this.landing = landing;
    this.random = random;
    this.decisions = decisions;
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
      landing.ledger.fact("unit_reports_" + key + "_late", received.size() - before - onTime);
    }
    plantSlips(received);
    int hostile = 0;
    for (Submission r : received) {
      String note = hostile < HOSTILE_NOTES.size() * 3 && random.nextInt(6) == 0
          ? HOSTILE_NOTES.get(hostile++ % HOSTILE_NOTES.size()) : PLAIN_NOTES.get(random.nextInt(PLAIN_NOTES.size()));
      Period p = r.period();
      if (r.resubmitted()) {
        // A first document, then a corrected one for the same unit × period, still by the 5th: it supersedes the first.
        write(r.unit(), r.unit().code(), p.period(), p.type(), r.at(), note, p.month(), true, null, false);
        write(r.unit(), r.unit().code(), p.period(), p.type(), r.at().plusHours(20 + random.nextInt(20)),
            "Bổ sung, thay thế báo cáo trước.", p.month(), false, null, false);
        landing.quirks.quirk("unit_report_resubmitted");
      } else {
        write(r.unit(), r.unit().code(), p.period(), p.type(), r.at(), note, p.month(), false, null, false);
      }
    }
    landing.quirks.quirk("unit_report_hostile_notes", hostile);
    officialsTrained(received);
    ReportingUnit someone = units.get(0);
    // A unit nobody listed: kept and flagged. It answers the yes/no question only, so that the
    // city's figures of the listed units stay those of the seed report.
    write(null, "PHUONG-MOI-01", "2025-11", "month", LocalDateTime.of(2025, 12, 4, 10, 0), "Đơn vị mới thành lập.",
        DeliveryCalendar.REPORT_MONTHS.size() - 1, false, QualityFlag.UNIT_UNKNOWN, false);
    landing.quirks.quirk("unit_report_unknown_unit");
    // A quarter written as a month: bad_period.
    ExpectedLedger.FileEntry badPeriod = write(someone, someone.code(), "2025-11", "quarter",
        LocalDateTime.of(2025, 12, 2, 9, 30), "", 2, false, null, false);
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
    decide(received);
  }

  /** The figure a report sent again after the city's decision revises. */
  private static final String REVISED_METRIC = "households_digital";
  private static final String APPROVALS = "unit_report_approvals";
  /** Of the decided reports, the share approved by month (September, October, November), in %. */
  private static final int[] APPROVED_PERCENT = {80, 60, 20};
  private static final int RETURNED = 4;
  private static final int RETURNED_THEN_APPROVED = 2;
  private static final int LOCKED_RESUBMISSIONS = 3;

  /** One line of the approvals feed, the day its file is delivered, and why the ingest must reject it (or null). */
  private record Decision(LocalDate day, List<String> values, RejectReason rejected) {}

  /**
   * The city's decisions (docs/specification.md §2.5), each delivered 1–3 days after the report falls due or
   * arrives: most September reports approved, fewer of October, a few of November; {@value #RETURNED}
   * ward reports returned and sent again ({@value #RETURNED_THEN_APPROVED} of those then approved),
   * {@value #LOCKED_RESUBMISSIONS} approved ones sent again anyway (they stay locked), and five lines
   * the ingest must reject. Only monthly reports sent once and free of slips are decided on, so every
   * planted count stays what it is; each amount is a fact of the ledger.
   */
  private void decide(List<Submission> received) {
    List<Submission> candidates = received.stream().filter(r -> r.period().type().equals("month") && !r.resubmitted()
        && !figures.hasSlip(r.unit().code(), r.period().month()) && decisionDay(r, 2) != null).toList();
    List<Submission> early = new ArrayList<>(candidates.stream()
        .filter(r -> r.unit().kind().equals("ward") && r.period().month() < ReportedFigures.MONTHS - 1).toList());
    List<Submission> returned = draw(early, RETURNED);
    List<Submission> locked = draw(early, LOCKED_RESUBMISSIONS);
    List<Decision> lines = new ArrayList<>();
    int approved = 0;
    for (Submission r : candidates) {
      LocalDateTime at = decisionDay(r, 0).atTime(8 + decisions.nextInt(9), decisions.nextInt(60));
      Period p = r.period();
      if (returned.contains(r)) {
        lines.add(decision(r, "1", null, "returned", at));
        LocalDateTime again = at.plusDays(1);
        write(r.unit(), r.unit().code(), p.period(), p.type(), again, "Gửi lại sau khi Thành phố trả lại, đã sửa số liệu.",
            p.month(), false, null, true);
        if (returned.indexOf(r) < RETURNED_THEN_APPROVED) {
          // No version named: the latest submitted by then, the one sent again.
          lines.add(decision(r, "", null, "approved", again.plusDays(1)));
          approved++;
        }
      } else if (locked.contains(r)) {
        lines.add(decision(r, "1", null, "approved", at));
        approved++;
        write(r.unit(), r.unit().code(), p.period(), p.type(), at.plusDays(1), "Bổ sung số liệu sau khi đã được phê duyệt.",
            p.month(), false, null, true);
      } else if (decisions.nextInt(100) < APPROVED_PERCENT[p.month()]) {
        // The three ways a line names the version: its number, its submission time, or none (the latest by then).
        int way = approved % 3;
        lines.add(decision(r, way == 0 ? "1" : "", way == 1 ? r.at() : null, "approved", at));
        approved++;
      }
    }
    plantRejectedDecisions(lines, candidates.get(0));
    writeDecisions(lines);
    landing.ledger.fact("approval_decisions_approved", approved);
    landing.ledger.fact("approval_decisions_returned", returned.size());
    landing.ledger.fact("unit_reports_locked", approved);
    landing.ledger.fact("unit_reports_locked_resubmitted", locked.size());
    landing.ledger.fact("unit_reports_returned_resubmitted", returned.size());
    landing.ledger.fact("unit_reports_returned_in_force", returned.size() - RETURNED_THEN_APPROVED);
    landing.quirks.quirk("unit_report_approved", approved);
    landing.quirks.quirk("unit_report_returned", returned.size());
    landing.quirks.quirk("unit_report_locked_resubmission", locked.size());
  }

  /**
   * The day the city decides on a report, 1–3 days after it falls due or arrives (by the minute it was
   * submitted: no draw, so the same report always gets the same day); null when that day plus
   * {@code daysAfter} more, for what follows the decision, would be after the last delivery.
   */
  private LocalDate decisionDay(Submission r, int daysAfter) {
    LocalDate due = r.period().end().plusDays(5);
    LocalDate day = (r.at().toLocalDate().isAfter(due) ? r.at().toLocalDate() : due).plusDays(1 + (r.at().getMinute() % 3));
    return day.plusDays(daysAfter).isAfter(DeliveryCalendar.LAST_DELIVERY) ? null : day;
  }

  /** {@code n} submissions drawn from {@code from}, which loses them. */
  private List<Submission> draw(List<Submission> from, int n) {
    List<Submission> drawn = new ArrayList<>();
    while (drawn.size() < n && !from.isEmpty()) {
      drawn.add(from.remove(decisions.nextInt(from.size())));
    }
    return drawn;
  }

  private static Decision decision(Submission r, String version, LocalDateTime submittedAt, String decision,
      LocalDateTime at) {
    return new Decision(at.toLocalDate(), new Contracts.Row(APPROVALS).set("unit_code", r.unit().code())
        .set("period", r.period().period()).set("version", version)
        .set("submitted_at", submittedAt == null ? "" : submittedAt.atOffset(LOCAL).format(SUBMITTED))
        .set("decision", decision).set("approver_role", "city_analyst").set("decided_at", at.atOffset(LOCAL).format(SUBMITTED))
        .values(), null);
  }

  /** Lines no run can apply, in the last day's file: each rejected with its reason. */
  private void plantRejectedDecisions(List<Decision> lines, Submission some) {
    LocalDateTime at = DeliveryCalendar.LAST_DELIVERY.atTime(9, 0);
    String when = at.atOffset(LOCAL).format(SUBMITTED);
    String unit = some.unit().code();
    String period = some.period().period();
    lines.add(rejected(RejectReason.UNKNOWN_UNIT, "PHUONG-MOI-01", "2025-11", "", "approved", when));
    lines.add(rejected(RejectReason.UNKNOWN_VERSION, unit, period, "9", "approved", when));
    lines.add(rejected(RejectReason.FUTURE_PERIOD, unit, "2026-01", "", "approved", when));
    lines.add(rejected(RejectReason.BAD_DATE, unit, period, "", "approved", "10/12/2025 09:00"));
    lines.add(rejected(RejectReason.BAD_VALUE, unit, period, "", "đã duyệt", when));
  }

  private Decision rejected(RejectReason reason, String unit, String period, String version, String decision,
      String decidedAt) {
    landing.quirks.quirk("approval_rejected_" + reason.code());
    return new Decision(DeliveryCalendar.LAST_DELIVERY, new Contracts.Row(APPROVALS).set("unit_code", unit)
        .set("period", period).set("version", version).set("submitted_at", "").set("decision", decision)
        .set("approver_role", "city_analyst").set("decided_at", decidedAt).values(), reason);
  }

  /** One approvals.csv per day with decisions, as bdhvs approve writes it: the contract's header, then the lines. */
  private void writeDecisions(List<Decision> lines) {
    java.util.TreeMap<LocalDate, List<Decision>> byDay = new java.util.TreeMap<>();
    lines.forEach(d -> byDay.computeIfAbsent(d.day(), k -> new ArrayList<>()).add(d));
    String header = String.join(",", Contracts.of(APPROVALS).columnNames());
    byDay.forEach((day, decided) -> {
      String path = "unit-reports/approvals/" + day + "/approvals.csv";
      ExpectedLedger.FileEntry entry = landing.ledger.file("unit-reports", APPROVALS, path);
      StringBuilder text = new StringBuilder(header).append('\n');
      for (Decision d : decided) {
        text.append(String.join(",", d.values())).append('\n');
        if (d.rejected() == null) {
          entry.row();
        } else {
          entry.rejectedRow(d.rejected());
        }
      }
      landing.write(path, text.toString().getBytes(StandardCharsets.UTF_8));
    });
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
    // What the checks must find, by rule and by outlier method: the integration test reconciles them.
    if (slip.rule != null) {
      landing.ledger.fact("validation_violations_" + slip.rule, planted);
    }
    if (slip.outlier != null) {
      landing.ledger.fact("report_outliers_" + slip.outlier, planted);
    }
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
   * {@code revised}: sent again after the city's decision, with 3 % fewer digital households (a figure
   * no planted count or seed figure rests on, and still above the month before).
   */
  private ExpectedLedger.FileEntry write(ReportingUnit unit, String unitCode, String period, String type,
      LocalDateTime at, String note, int month, boolean superseded, QualityFlag flag, boolean revised) {
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
        if (revised && m.code().equals(REVISED_METRIC)) {
          v = v * 97 / 100;
        }
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
