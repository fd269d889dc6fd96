package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RebuildPlanTest {
  private static final YearMonth SEP = YearMonth.of(2025, 9);
  private static final YearMonth OCT = YearMonth.of(2025, 10);
  private static final YearMonth NOV = YearMonth.of(2025, 11);
  private static final YearMonth DEC = YearMonth.of(2025, 12);
  private static final YearMonth JAN = YearMonth.of(2026, 1);
  private static final List<YearMonth> BUILT = List.of(SEP, OCT, NOV, DEC);

  private static RebuildPlan plan(YearMonth runMonth, List<YearMonth> built, boolean sameVersion,
      YearMonth changedFrom, YearMonth completedSince) {
    return RebuildPlan.of(new RebuildPlan.Facts(runMonth, built, Optional.of(SEP), sameVersion,
        Optional.ofNullable(changedFrom), Optional.ofNullable(completedSince)));
  }

  @Test
  void aNewWarehouse_buildsEveryMonthFromTheFirstFactToTheRunDate() {
    RebuildPlan p = plan(DEC, List.of(), true, null, null);
    assertEquals(BUILT, p.months());
    assertTrue(p.whole());
  }

  @Test
  void aWarehouseWithoutFacts_buildsTheRunDatesMonth() {
    RebuildPlan p = RebuildPlan.of(new RebuildPlan.Facts(DEC, List.of(), Optional.empty(), true, Optional.empty(), Optional.empty()));
    assertEquals(List.of(DEC), p.months());
  }

  @Test
  void otherCubeCode_rebuildsEverything() {
    RebuildPlan p = plan(DEC, BUILT, false, DEC, null);
    assertEquals(BUILT, p.months());
    assertEquals(Optional.empty(), p.replaceFrom());
  }

  @Test
  void nothingChanged_buildsNothing() {
    RebuildPlan p = plan(DEC, BUILT, true, null, null);
    assertTrue(p.nothingToBuild());
    assertTrue(!p.whole());
  }

  @Test
  void factsChangedFromAMonth_rebuildFromItToTheLatest() {
    RebuildPlan p = plan(DEC, BUILT, true, NOV, null);
    assertEquals(List.of(NOV, DEC), p.months());
    assertEquals(Optional.of(NOV), p.replaceFrom());
  }

  @Test
  void aNewMonth_isBuiltEvenWhenNoFactChanged() {
    RebuildPlan p = plan(JAN, BUILT, true, null, null);
    assertEquals(List.of(JAN), p.months());
    assertEquals(Optional.of(JAN), p.replaceFrom());
  }

  @Test
  void aMonthTheDateCompleted_isRebuiltFromThere() {
    assertEquals(List.of(OCT, NOV, DEC), plan(DEC, BUILT, true, DEC, OCT).months());
    assertEquals(List.of(NOV, DEC), plan(DEC, BUILT, true, NOV, DEC).months(), "the earlier of the two");
  }

  @Test
  void aChangeAtTheFirstMonth_rebuildsEverything() {
    RebuildPlan p = plan(DEC, BUILT, true, SEP, null);
    assertEquals(BUILT, p.months());
    assertTrue(p.whole());
    assertTrue(plan(DEC, BUILT, true, YearMonth.of(2025, 1), null).whole(), "a change before the first fact");
  }

  @Test
  void aRunForAnEarlierDate_keepsTheLaterMonthsItFinds() {
    RebuildPlan p = plan(OCT, BUILT, true, NOV, null);
    assertEquals(List.of(NOV, DEC), p.months(), "facts are never un-ingested: December stays");
  }

  @Test
  void factsOnlyAfterTheRunDate_buildTheRunDatesMonth() {
    RebuildPlan p = RebuildPlan.of(new RebuildPlan.Facts(OCT, List.of(), Optional.of(DEC), true, Optional.empty(), Optional.empty()));
    assertEquals(List.of(OCT), p.months());
  }
}
