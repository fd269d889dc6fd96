package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlanTargetsTest {

  private static final PlanTargets TARGETS = PlanTargets.load(WardDirectory.load());

  @Test
  void target_cityTargetAppliesToEveryWard() {
    assertEquals(80.0, TARGETS.target("PS_SKILLED_RATE", 2025, "11455").orElseThrow().targetValue());
  }

  @Test
  void target_noneForAYearThePlansLeaveOpen() {
    assertTrue(TARGETS.target("PAR_SKILLED_RATE", 2026, WardDirectory.ALL).isEmpty());
  }

  @Test
  void target_mentorRatioIsNotAPercent() {
    assertEquals(5.0, TARGETS.target("MENTEES_PER_MENTOR", 2026, WardDirectory.ALL).orElseThrow().targetValue());
  }

  @Test
  void load_percentTargetsWithinZeroToHundred() {
    TARGETS.targets().forEach(t -> assertTrue(t.targetValue() >= 0 && t.targetValue() <= 100, t.toString()));
  }

  @Test
  void load_everyTargetBelongsToAPlanWithAStartMonth() {
    PlanTarget t = TARGETS.target("PS_SKILLED_RATE", 2025, WardDirectory.ALL).orElseThrow();
    assertEquals("478-KH/TU", t.plan().number());
    assertEquals(java.time.YearMonth.of(2025, 4), t.plan().start());
    assertEquals(0.0, t.baselineValue(), "no baseline stated: 0");
    assertEquals(100.0, TARGETS.target("REPORT_COMPLETENESS", 2025, WardDirectory.ALL).orElseThrow().baselineValue());
  }

  @Test
  void load_noWardOverridesYet() {
    assertTrue(TARGETS.targets().stream().allMatch(t -> t.scope().equals(WardDirectory.ALL)));
  }
}
