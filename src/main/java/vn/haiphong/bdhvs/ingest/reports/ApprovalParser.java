package vn.haiphong.bdhvs.ingest.reports;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Set;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.UnexpectedValue;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;

/**
 * One row of unit-reports/approvals/&lt;day&gt;/approvals.csv → a decision on a unit's report
 * (docs/specification.md §2.5). A decision is rejected when it cannot be applied: a unit not in the
 * reference, a period that had not begun on its delivery day (so had not at any run that reads it),
 * or a version the unit never submitted.
 */
public final class ApprovalParser extends RecordParser<RecordFields> {
  static final String APPROVED = "approved";
  static final String RETURNED = "returned";
  static final Set<String> DECISIONS = Set.of(APPROVED, RETURNED);

  private final ReportingUnits units;
  private final ReportVersions versions;

  ApprovalParser(ReportingUnits units, ReportVersions versions) {
    super(parsedColumnsOf("unit_report_approvals"));
    this.units = units;
    this.versions = versions;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String unitCode = f.required("unit_code");
    ReportPeriod period = f.required("period", ReportPeriod::ofLabel, RejectReason.BAD_PERIOD);
    f.requirePlausible("period", period.start());
    String decision = f.required("decision", ApprovalParser::decision, RejectReason.BAD_VALUE);
    OffsetDateTime decided = f.requiredIsoTimestamp("decided_at");
    Integer number = f.text("version") == null ? null
        : f.required("version", ApprovalParser::versionNumber, RejectReason.BAD_VALUE);
    Instant submitted = f.text("submitted_at") == null ? null : f.requiredIsoTimestamp("submitted_at").toInstant();
    ReportingUnit unit = units.byCode(unitCode).orElseThrow(() -> new RecordRejected(RejectReason.UNKNOWN_UNIT,
        "column 'unit_code': expected a unit of reference/reporting_units.csv, found " + f.shown(unitCode)));
    LocalDate delivered = LocalDate.parse(file.folder());
    if (period.start().isAfter(delivered)) {
      throw new RecordRejected(RejectReason.FUTURE_PERIOD, "column 'period': expected a period begun by the delivery day "
          + delivered + ", found " + f.shown(period.label()) + " (it begins " + period.start() + ")");
    }
    ReportVersions.Version version = versions.resolve(unit.code(), period, number, submitted, decided.toInstant())
        .orElseThrow(() -> new RecordRejected(RejectReason.UNKNOWN_VERSION, "unit " + unit.code() + ", period "
            + period.label() + ": expected " + (number != null ? "version " + number
                : submitted != null ? "a version submitted at " + submitted : "a version submitted by " + decided)
            + ", found " + held(versions.count(unit.code(), period))));
    return new Object[] {unit.code(), period.label(), period.type(), version.number(), version.submittedAtTimestamp(),
        decision, f.text("approver_role"), Timestamp.from(decided.toInstant()), f.flags(), file.path(), file.folder()};
  }

  private static String held(int count) {
    return count == 0 ? "no report submitted" : count == 1 ? "only version 1" : "versions 1 to " + count;
  }

  /** The decision a text names, {@code approved} or {@code returned} in any case; throws saying what was expected. */
  public static String decision(String text) {
    String d = text.trim().toLowerCase(Locale.ROOT);
    if (!DECISIONS.contains(d)) {
      throw new UnexpectedValue("approved or returned", text);
    }
    return d;
  }

  private static int versionNumber(String text) {
    long n = ExportValues.count(text);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new UnexpectedValue("a version number 1, 2, ...", text);
    }
    return (int) n;
  }
}
