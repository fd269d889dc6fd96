package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.reference.ReportingUnits;

/**
 * What the ward and unit reports add to the month's {@link MonthlyFigures}, read once for all of
 * them (one query per table, never one per ward): every ward's series, every scope's projections,
 * and the units' reported figures, broken rules and outliers of the periods due in the month.
 */
record ScopeFigures(Map<String, CitySeries> wardSeries, Map<String, Map<String, ReportSource.Projected>> projections,
    List<ReportSource.ReportedFigure> reported, List<ReportSource.Violation> violations,
    List<ReportSource.Outlier> outliers) {

  static ScopeFigures read(ReportSource source, YearMonth month, ReportingUnits units) {
    Map<String, List<CubeRow>> byWard = source.wardSeriesRows(month).stream()
        .collect(Collectors.groupingBy(CubeRow::wardCode));
    Map<String, CitySeries> series = new HashMap<>();
    byWard.forEach((ward, rows) -> series.put(ward, new CitySeries(rows)));
    Map<String, Map<String, ReportSource.Projected>> projections = source.projections(month).stream()
        .collect(Collectors.groupingBy(ReportSource.Projected::wardCode,
            Collectors.toMap(ReportSource.Projected::indicatorCode, p -> p, (a, b) -> a)));
    Set<String> periods = UnitReporting.periodsDue(units, month);
    return new ScopeFigures(series, projections, source.reportedFigures(periods), source.violationRows(periods),
        source.outliers(periods));
  }

  /** The ward's figures month by month; empty for a ward the cube has no row of. */
  CitySeries ward(String wardCode) {
    return wardSeries.getOrDefault(wardCode, new CitySeries(List.of()));
  }

  /** The scope's projections (ALL for the city) by indicator. */
  Map<String, ReportSource.Projected> projections(String wardCode) {
    return projections.getOrDefault(wardCode, Map.of());
  }
}
