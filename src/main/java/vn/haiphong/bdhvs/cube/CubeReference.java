package vn.haiphong.bdhvs.cube;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.PlanTargets;
import vn.haiphong.bdhvs.reference.PopulationDenominators;
import vn.haiphong.bdhvs.reference.ReportMetrics;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** The reference data a cube build reads, the months it covers and the run date they are judged at. */
public record CubeReference(
    List<YearMonth> months,
    String runId,
    LocalDate runDate,
    WardDirectory wards,
    IndicatorCatalog catalog,
    PlanTargets targets,
    PopulationDenominators denominators,
    ReportMetrics reportMetrics,
    ReportingUnits reportingUnits) implements Serializable {

  public CubeReference {
    months = List.copyOf(months);
  }

  /**
   * The committed reference tables, for {@code months} as known on {@code runDate}: a month's sources are
   * complete, and its reports due, or not, at that date (docs/specification.md §5).
   */
  public static CubeReference load(List<YearMonth> months, String runId, LocalDate runDate, WardDirectory wards,
      ReportingUnits units) {
    return new CubeReference(months, runId, runDate, wards, IndicatorCatalog.load(), PlanTargets.load(wards),
        PopulationDenominators.load(), ReportMetrics.load(), units);
  }

  /** Every month from {@code first} to {@code last}, both included. */
  public static List<YearMonth> monthsBetween(YearMonth first, YearMonth last) {
    return first.isAfter(last) ? List.of()
        : java.util.stream.Stream.iterate(first, m -> !m.isAfter(last), m -> m.plusMonths(1)).toList();
  }

  /** The 114 ward codes: the denominator of the "wards with ..." rates. */
  public int wardCount() {
    return wards.wards().size();
  }
}
