package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** cubes/target_projection's rows from cube figures of known slopes, per ward and for the city. */
class TargetProjectionsTest {
  private static final YearMonth SEP = YearMonth.of(2025, 9);
  private static final YearMonth OCT = YearMonth.of(2025, 10);
  private static final YearMonth NOV = YearMonth.of(2025, 11);
  private static final List<String> COLUMNS = TargetProjections.CONTRACT.columnNames();

  // A series a month from September 2025, every month with the same target.
  private static List<TargetProjections.Figure> series(String ward, String indicator, Double target, int year, Double... values) {
    List<TargetProjections.Figure> figures = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      figures.add(new TargetProjections.Figure(SEP.plusMonths(i), ward, indicator, values[i], target, target == null ? null : year));
    }
    return figures;
  }

  private static List<TargetProjections.Figure> fixture() {
    List<TargetProjections.Figure> figures = new ArrayList<>();
    figures.addAll(series("10507", "RES_BASIC_SKILL_RATE", 80.0, 2026, 50.0, 55.0, 60.0)); // 5 points a month
    figures.addAll(series("10525", "RES_BASIC_SKILL_RATE", 80.0, 2026, 60.0, 60.0, 60.0)); // flat
    figures.addAll(series("10531", "RES_BASIC_SKILL_RATE", 80.0, 2026, 70.0, 78.0, 85.0)); // already there
    figures.addAll(series("ALL", "RES_BASIC_SKILL_RATE", 80.0, 2025, 50.0, 55.0, 60.0)); // too slow for 2025
    figures.addAll(series("ALL", "BTS_4G", null, 2025, 1000.0, 1100.0, 1200.0)); // no target
    return figures;
  }

  // Rows by "month|ward|indicator", each as column → value.
  private static Map<String, Map<String, Object>> rows(List<YearMonth> months) {
    Map<String, Map<String, Object>> rows = new HashMap<>();
    for (List<Object> row : TargetProjections.project(fixture(), months, "run-test")) {
      Map<String, Object> named = new HashMap<>();
      for (int i = 0; i < COLUMNS.size(); i++) {
        named.put(COLUMNS.get(i), row.get(i));
      }
      rows.put(row.get(0) + "|" + row.get(1) + "|" + row.get(2), named);
    }
    return rows;
  }

  @Test
  void project_wardOnAKnownSlopeReachesInTheMonthTheLineSays() {
    Map<String, Object> row = rows(List.of(NOV)).get("2025-11|10507|RES_BASIC_SKILL_RATE");
    assertEquals("reached", row.get("outcome"));
    assertEquals("dự kiến đạt: 03/2026", row.get("outcome_vi"));
    assertEquals("2026-03", row.get("projected_month"));
    assertNull(row.get("not_before_year"));
    assertEquals(5.0, (Double) row.get("slope_per_month"), 1e-9);
    assertEquals(TargetProjection.METHOD_CODE, row.get("method"));
    assertEquals("2025-06", row.get("window_from"));
    assertEquals("2025-11", row.get("window_to"));
    assertEquals(3, row.get("window_months"));
    assertEquals(60.0, row.get("latest_value"));
    assertEquals(80.0, row.get("target_value"));
    assertEquals(2026, row.get("target_year"));
    assertEquals("run-test", row.get("run_id"));
  }

  @Test
  void project_flatWardAndSlowCityAreNotBeforeTheYearAfterTheTarget() {
    Map<String, Map<String, Object>> rows = rows(List.of(NOV));
    Map<String, Object> flat = rows.get("2025-11|10525|RES_BASIC_SKILL_RATE");
    assertEquals("not_before", flat.get("outcome"));
    assertEquals(2027, flat.get("not_before_year"));
    assertEquals(0.0, (Double) flat.get("slope_per_month"), 1e-9);
    Map<String, Object> city = rows.get("2025-11|ALL|RES_BASIC_SKILL_RATE");
    assertEquals("không đạt trước 2026", city.get("outcome_vi"));
    assertNull(city.get("projected_month"));
  }

  @Test
  void project_wardAtItsTargetIsAchieved() {
    assertEquals("achieved", rows(List.of(NOV)).get("2025-11|10531|RES_BASIC_SKILL_RATE").get("outcome"));
  }

  @Test
  void project_earlyMonthsHaveTooFewFigures() {
    Map<String, Map<String, Object>> rows = rows(List.of(SEP, OCT, NOV));
    Map<String, Object> october = rows.get("2025-10|10507|RES_BASIC_SKILL_RATE");
    assertEquals("too_few_months", october.get("outcome"));
    assertEquals("chưa đủ số liệu", october.get("outcome_vi"));
    assertEquals(2, october.get("window_months"));
    assertEquals(5.0, (Double) october.get("slope_per_month"), 1e-9, "two figures still give a slope");
    assertNull(rows.get("2025-09|10507|RES_BASIC_SKILL_RATE").get("slope_per_month"), "one figure gives none");
  }

  @Test
  void project_onlyTargetedIndicatorsAndOnlyTheMonthsAsked() {
    Map<String, Map<String, Object>> rows = rows(List.of(NOV));
    assertEquals(4, rows.size(), rows.keySet().toString());
    assertTrue(rows.keySet().stream().allMatch(k -> k.startsWith("2025-11|") && !k.endsWith("|BTS_4G")));
  }

  @Test
  void project_rowsFollowTheContract() {
    for (List<Object> row : TargetProjections.project(fixture(), List.of(NOV), "run-test")) {
      assertEquals(COLUMNS.size(), row.size());
      for (int i = 0; i < COLUMNS.size(); i++) {
        Boolean nullable = TargetProjections.CONTRACT.columns().get(i).nullable();
        assertTrue(row.get(i) != null || Boolean.TRUE.equals(nullable), COLUMNS.get(i) + " in " + Arrays.toString(row.toArray()));
      }
    }
  }
}
