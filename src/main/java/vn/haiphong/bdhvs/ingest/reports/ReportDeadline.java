package vn.haiphong.bdhvs.ingest.reports;

import java.time.LocalDate;

/**
 * When a unit report falls due: the 5th day after its period ends (docs/specification.md §2.5). A report
 * submitted by then is on time; until that day has passed, a missing report is not late, only not yet due.
 */
public final class ReportDeadline {
  static final int DAYS_ALLOWED = 5;

  private ReportDeadline() {}

  /** The last day a report of a period ending on {@code periodEnd} is on time. */
  public static LocalDate of(LocalDate periodEnd) {
    return periodEnd.plusDays(DAYS_ALLOWED);
  }

  /** Whether, on {@code runDate}, the deadline of a period ending on {@code periodEnd} has passed. */
  public static boolean passed(LocalDate periodEnd, LocalDate runDate) {
    return runDate.isAfter(of(periodEnd));
  }
}
