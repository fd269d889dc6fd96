package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TargetStatusTest {

  @Test
  void valueAtOrAboveTarget_isAchieved() {
    assertEquals(TargetStatus.ACHIEVED, TargetStatus.of(80.0, 80.0, 20.0, 1, 6));
  }

  @Test
  void noTargetOrNoValue_isNoTarget() {
    assertEquals(TargetStatus.NO_TARGET, TargetStatus.of(50.0, null, 20.0, 1, 6));
    assertEquals(TargetStatus.NO_TARGET, TargetStatus.of(null, 80.0, 20.0, 1, 6));
  }

  @Test
  void onOrAboveTheLineFromJanuaryToDecember_isOnTrack() {
    // January 12, target 78 in December: the line rises 6 a month, so July stands at 48.
    assertEquals(48.0, TargetStatus.trajectory(12, 1, 78, 7), 1e-9);
    assertEquals(TargetStatus.ON_TRACK, TargetStatus.of(48.0, 78.0, 12.0, 1, 7));
  }

  @Test
  void belowTheLineByTenPointsOrLess_isAtRisk() {
    assertEquals(TargetStatus.AT_RISK, TargetStatus.of(38.0, 78.0, 12.0, 1, 7));
  }

  @Test
  void belowTheLineByMoreThanTenPoints_isOffTrack() {
    assertEquals(TargetStatus.OFF_TRACK, TargetStatus.of(37.9, 78.0, 12.0, 1, 7));
  }

  @Test
  void baselineInSeptember_lineStartsThere() {
    // First data in September at 20, target 80: October 40, November 60.
    assertEquals(TargetStatus.ON_TRACK, TargetStatus.of(60.0, 80.0, 20.0, 9, 11));
    assertEquals(TargetStatus.AT_RISK, TargetStatus.of(55.0, 80.0, 20.0, 9, 11));
  }

  @Test
  void baselineInDecember_theLineIsTheTarget() {
    assertEquals(TargetStatus.OFF_TRACK, TargetStatus.of(60.0, 80.0, 60.0, 12, 12));
  }
}
