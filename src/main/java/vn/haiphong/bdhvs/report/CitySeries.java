package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The figures (target group ALL) of one scope's every indicator, month by month: the city-wide
 * rows (ward ALL) for the city report, one ward's rows for that ward's report.
 */
final class CitySeries {
  private final Map<String, NavigableMap<YearMonth, CubeRow>> byIndicator = new LinkedHashMap<>();

  CitySeries(List<CubeRow> cityRows) {
    for (CubeRow row : cityRows) {
      byIndicator.computeIfAbsent(row.indicatorCode(), k -> new TreeMap<>()).put(row.month(), row);
    }
  }

  Optional<CubeRow> at(String indicatorCode, YearMonth month) {
    return Optional.ofNullable(series(indicatorCode).get(month));
  }

  /** Every month of the indicator up to and including {@code month}. */
  NavigableMap<YearMonth, CubeRow> upTo(String indicatorCode, YearMonth month) {
    return series(indicatorCode).headMap(month, true);
  }

  /** The month's rows that are provisional (expected reports still missing). */
  List<CubeRow> provisional(YearMonth month) {
    return byIndicator.values().stream().map(s -> s.get(month))
        .filter(r -> r != null && r.provisional()).toList();
  }

  private NavigableMap<YearMonth, CubeRow> series(String indicatorCode) {
    return byIndicator.getOrDefault(indicatorCode, new TreeMap<>());
  }
}
