package vn.haiphong.bdhvs.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The date plan: which day each source delivers what, from 2025-09-01 to the last delivery 2025-12-10. */
final class DeliveryCalendar {

  static final LocalDate FIRST_DAY = LocalDate.of(2025, 9, 1);
  static final LocalDate LAST_DELIVERY = LocalDate.of(2025, 12, 10);
  /** The month of the seed report. */
  static final YearMonth REPORT_MONTH = YearMonth.of(2025, 11);
  /**
   * The contest "Công dân số Hải Phòng" runs from its opening day to its closing day, both
   * included: registrations, submissions and visit counters exist only for those days (a counter
   * may still be re-delivered later). The seed report's 311,243 registrants and 5,078,387 visits
   * are the contest's totals.
   */
  static final LocalDate CONTEST_OPENS = LocalDate.of(2025, 10, 7);
  static final LocalDate CONTEST_CLOSES = LocalDate.of(2025, 11, 30);
  /** The last second at which the contest takes a registration or a submission. */
  static final LocalDateTime CONTEST_ENDS = CONTEST_CLOSES.atTime(23, 59, 59);
  static final List<YearMonth> TELECOM_MONTHS =
      List.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 11));
  static final List<YearMonth> REPORT_MONTHS = TELECOM_MONTHS;

  private DeliveryCalendar() {
  }

  /**
   * Days with a city-lms full snapshot. The platform exports one every day; delivering every day
   * would write ~100 near-identical 10 MB files at city scale, so we keep days 1, 8, 15, 22, the
   * last three days of each month (so month-end figures have a snapshot) and every day of the last
   * week before the run date (so daily runs see daily snapshots).
   */
  static List<LocalDate> lmsSnapshotDays() {
    TreeSet<LocalDate> days = new TreeSet<>();
    for (YearMonth m = YearMonth.from(FIRST_DAY); !m.isAfter(YearMonth.from(LAST_DELIVERY)); m = m.plusMonths(1)) {
      for (int d : new int[] {1, 8, 15, 22}) {
        days.add(m.atDay(d));
      }
      for (int back = 0; back < 3; back++) {
        days.add(m.atEndOfMonth().minusDays(back));
      }
    }
    for (int back = 0; back < 7; back++) {
      days.add(LAST_DELIVERY.minusDays(back));
    }
    days.removeIf(d -> d.isAfter(LAST_DELIVERY));
    return new ArrayList<>(days);
  }

  static List<LocalDate> days(LocalDate from, LocalDate toInclusive) {
    return from.datesUntil(toInclusive.plusDays(1)).toList();
  }

  static List<LocalDate> allDays() {
    return days(FIRST_DAY, LAST_DELIVERY);
  }

  static List<LocalDate> contestDays() {
    return days(CONTEST_OPENS, CONTEST_CLOSES);
  }
}
