package vn.haiphong.bdhvs.cube;

/**
 * Status of a value against its plan target (docs/specification.md §5), without Spark. The trajectory is the straight
 * line from the year's baseline (the January value, or the first month of the year with data) to the
 * target in December.
 */
public final class TargetStatus {
  public static final String ACHIEVED = "achieved";
  public static final String ON_TRACK = "on_track";
  public static final String AT_RISK = "at_risk";
  public static final String OFF_TRACK = "off_track";
  public static final String NO_TARGET = "no_target";

  /** docs/specification.md §5: more than this many points below the trajectory is off track, less is at risk. */
  static final double OFF_TRACK_POINTS = 10.0;

  private TargetStatus() {}

  /**
   * @param value the month's value, null when none
   * @param target the year's target, null when the plans set none
   * @param baseline the baseline value of the year (January, or the first month with data)
   * @param baselineMonth month of year (1-12) of the baseline
   * @param month month of year (1-12) of {@code value}
   */
  public static String of(Double value, Double target, Double baseline, Integer baselineMonth, int month) {
    if (value == null || target == null) {
      return NO_TARGET;
    }
    if (value >= target) {
      return ACHIEVED;
    }
    double expected = baseline == null || baselineMonth == null
        ? target : trajectory(baseline, baselineMonth, target, month);
    if (value >= expected) {
      return ON_TRACK;
    }
    return expected - value > OFF_TRACK_POINTS ? OFF_TRACK : AT_RISK;
  }

  /** Where the straight line from (baselineMonth, baseline) to (December, target) stands in {@code month}. */
  static double trajectory(double baseline, int baselineMonth, double target, int month) {
    if (baselineMonth >= 12) {
      return target;
    }
    return baseline + (target - baseline) * (month - baselineMonth) / (12.0 - baselineMonth);
  }
}
