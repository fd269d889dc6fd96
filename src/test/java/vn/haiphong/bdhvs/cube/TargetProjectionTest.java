package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TargetProjectionTest {
  private static NavigableMap<YearMonth, Double> monthly(YearMonth first, Double... values) {
    NavigableMap<YearMonth, Double> series = new TreeMap<>();
    for (int i = 0; i < values.length; i++) {
      series.put(first.plusMonths(i), values[i]);
    }
    return series;
  }

  @Test
  void project_straightLineMeetsTheTargetInTheMonthTheSlopeSays() {
    // 5 points a month from 50 in 9/2025: 80 six months later.
    TargetProjection.Outcome o = TargetProjection.project(monthly(YearMonth.of(2025, 9), 50.0, 55.0, 60.0), 80, 2026);
    assertEquals(new TargetProjection.ReachedIn(YearMonth.of(2026, 3)), o);
    assertEquals("dự kiến đạt: 03/2026", o.vi());
  }

  @Test
  void project_fitsLeastSquaresThroughNoise() {
    // Slope 5, intercept 50,33: the line meets 80 after 5,93 months, in the sixth.
    assertEquals(new TargetProjection.ReachedIn(YearMonth.of(2026, 3)),
        TargetProjection.project(monthly(YearMonth.of(2025, 9), 50.0, 56.0, 60.0), 80, 2026));
  }

  @Test
  void project_usesOnlyTheLastSixMonths() {
    // A flat first year, then 10 points a month for the last six: the recent pace counts.
    NavigableMap<YearMonth, Double> series = monthly(YearMonth.of(2024, 1),
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 10.0, 20.0, 30.0, 40.0, 50.0, 60.0);
    assertEquals(new TargetProjection.ReachedIn(YearMonth.of(2025, 8)), TargetProjection.project(series, 80, 2025));
  }

  @Test
  void project_afterTheTargetYearIsNotBeforeTheNextYear() {
    TargetProjection.Outcome o = TargetProjection.project(monthly(YearMonth.of(2025, 9), 50.0, 55.0, 60.0), 80, 2025);
    assertEquals(new TargetProjection.NotBefore(2026), o);
    assertEquals("không đạt trước 2026", o.vi());
  }

  @Test
  void project_flatOrFallingNeverReaches() {
    assertEquals(new TargetProjection.NotBefore(2027),
        TargetProjection.project(monthly(YearMonth.of(2025, 9), 60.0, 60.0, 60.0), 80, 2026));
    assertEquals(new TargetProjection.NotBefore(2027),
        TargetProjection.project(monthly(YearMonth.of(2025, 9), 62.0, 61.0, 60.0), 80, 2026));
  }

  @Test
  void project_withFewerThanThreeFiguresSaysSo() {
    TargetProjection.Outcome o = TargetProjection.project(monthly(YearMonth.of(2025, 10), 50.0, 55.0), 80, 2026);
    assertEquals(new TargetProjection.TooFewMonths(), o);
    assertEquals("chưa đủ số liệu", o.vi());
    assertEquals(new TargetProjection.TooFewMonths(),
        TargetProjection.project(monthly(YearMonth.of(2025, 9), 50.0, null, 60.0), 80, 2026), "a month without a figure does not count");
  }

  @Test
  void project_latestAtOrAboveTheTargetIsAchieved() {
    assertEquals("đã đạt", TargetProjection.project(monthly(YearMonth.of(2025, 11), 80.0), 80, 2025).vi());
  }

  @Test
  void project_lineAlreadyAboveButFigureBelowMeansNextMonth() {
    // The fitted line passes 80 at 11/2025, the latest figure is 79: the earliest is 12/2025.
    assertEquals(new TargetProjection.ReachedIn(YearMonth.of(2025, 12)),
        TargetProjection.project(monthly(YearMonth.of(2025, 9), 60.0, 90.0, 79.0), 80, 2025));
  }
}
