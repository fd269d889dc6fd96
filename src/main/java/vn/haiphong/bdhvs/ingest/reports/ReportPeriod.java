package vn.haiphong.bdhvs.ingest.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.haiphong.bdhvs.ingest.UnexpectedValue;

/**
 * A reporting period as the form writes it: {@code 2025-11} (month), {@code 2025-Q4} (quarter),
 * {@code 2025-H2} (half) or {@code 2025} (year). A report is on time when submitted by the 5th
 * day after its period ends (docs/specification.md §2.5).
 */
public record ReportPeriod(String type, String label, LocalDate start, LocalDate end) {
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
  private static final Pattern HALF = Pattern.compile("(\\d{4})-H([12])");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  /**
   * A period from its label alone (each label has one shape: an approval, or the analyst's
   * {@code bdhvs approve}, does not repeat the type); throws {@link UnexpectedValue} saying what was expected.
   */
  public static ReportPeriod ofLabel(String label) {
    String p = label.trim().toUpperCase(java.util.Locale.ROOT);
    String type = MONTH.matcher(p).matches() ? "month" : QUARTER.matcher(p).matches() ? "quarter"
        : HALF.matcher(p).matches() ? "half" : YEAR.matcher(p).matches() ? "year" : null;
    try {
      if (type != null) {
        return parse(type, p);
      }
    } catch (IllegalArgumentException e) {
      // 2025-13: the shape of a month, not a month
    }
    throw new UnexpectedValue("a period like 2025-11, 2025-Q4, 2025-H2 or 2025", label);
  }

  /** Parses {@code period} as {@code type}; throws with what was expected when they don't match. */
  static ReportPeriod parse(String type, String period) {
    String p = period.trim().toUpperCase(java.util.Locale.ROOT);
    String t = type.trim().toLowerCase(java.util.Locale.ROOT);
    Matcher m;
    switch (t) {
      case "month" -> {
        if ((m = MONTH.matcher(p)).matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
          YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
          return new ReportPeriod(t, ym.toString(), ym.atDay(1), ym.atEndOfMonth());
        }
      }
      case "quarter" -> {
        if ((m = QUARTER.matcher(p)).matches()) {
          return months(t, p, Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 3);
        }
      }
      case "half" -> {
        if ((m = HALF.matcher(p)).matches()) {
          return months(t, p, Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 6 + 1, 6);
        }
      }
      case "year" -> {
        if (YEAR.matcher(p).matches()) {
          return months(t, p, Integer.parseInt(p), 1, 12);
        }
      }
      default -> throw new IllegalArgumentException("period_type '" + type
          + "' is not one of month, quarter, half, year");
    }
    throw new IllegalArgumentException("period '" + period + "' does not match period_type '" + t
        + "'; expected " + switch (t) {
          case "month" -> "yyyy-MM like 2025-11";
          case "quarter" -> "yyyy-Qn like 2025-Q4";
          case "half" -> "yyyy-Hn like 2025-H2";
          default -> "yyyy like 2025";
        });
  }

  boolean onTime(LocalDate submitted) {
    return !submitted.isAfter(ReportDeadline.of(end));
  }

  private static ReportPeriod months(String type, String label, int year, int firstMonth, int count) {
    YearMonth first = YearMonth.of(year, firstMonth);
    return new ReportPeriod(type, label, first.atDay(1), first.plusMonths(count - 1L).atEndOfMonth());
  }
}
