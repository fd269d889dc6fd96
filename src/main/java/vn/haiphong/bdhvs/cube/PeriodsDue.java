package vn.haiphong.bdhvs.cube;

import java.time.YearMonth;
import java.util.Optional;

/**
 * Which report a unit owes in a month (DHIS2 style): a monthly reporter owes the month; a quarterly,
 * half-yearly or yearly one owes its period in the month that period ends. Labels as in docs/specification.md §2.5.
 */
public final class PeriodsDue {
  private PeriodsDue() {}

  public static Optional<String> due(String periodType, YearMonth month) {
    int m = month.getMonthValue();
    int y = month.getYear();
    return switch (periodType) {
      case "month" -> Optional.of(month.toString());
      case "quarter" -> m % 3 == 0 ? Optional.of(y + "-Q" + m / 3) : Optional.empty();
      case "half" -> m % 6 == 0 ? Optional.of(y + "-H" + m / 6) : Optional.empty();
      case "year" -> m == 12 ? Optional.of(Integer.toString(y)) : Optional.empty();
      default -> throw new IllegalArgumentException("unknown period type " + periodType);
    };
  }
}
