package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * When a cumulative figure reaches its target at its recent pace: a least-squares line through the
 * figures of the last {@link #WINDOW} months (at least {@link #MIN_MONTHS} of them), followed to the
 * first month it meets the target. A pure function of the series; the report words the outcome.
 */
final class TargetProjection {
  static final int WINDOW = 6;
  static final int MIN_MONTHS = 3;
  static final String METHOD = "Dự kiến đạt: đường thẳng bình phương tối thiểu qua số liệu lũy kế của "
      + WINDOW + " tháng gần nhất (cần ít nhất " + MIN_MONTHS + " tháng), kéo dài đến khi chạm mục tiêu.";

  /** What the projection says. */
  sealed interface Outcome permits Achieved, ReachedIn, NotBefore, TooFewMonths {
    /** As the KPI table writes it. */
    String vi();
  }

  /** The latest figure already meets the target. */
  record Achieved() implements Outcome {
    public String vi() {
      return "đã đạt";
    }
  }

  /** The line meets the target in {@code month}, within the target year. */
  record ReachedIn(YearMonth month) implements Outcome {
    public String vi() {
      return String.format("dự kiến đạt: %02d/%d", month.getMonthValue(), month.getYear());
    }
  }

  /** The line does not meet the target by the end of the target year (or does not rise at all). */
  record NotBefore(int year) implements Outcome {
    public String vi() {
      return "không đạt trước " + year;
    }
  }

  /** Fewer than {@link #MIN_MONTHS} figures in the window. */
  record TooFewMonths() implements Outcome {
    public String vi() {
      return "chưa đủ số liệu";
    }
  }

  private TargetProjection() {}

  /**
   * The outcome for {@code series} (month → cumulative figure, nulls for months without one) against
   * {@code target}, to be met by the end of {@code targetYear}.
   */
  static Outcome project(NavigableMap<YearMonth, Double> series, double target, int targetYear) {
    if (series.isEmpty()) {
      return new TooFewMonths();
    }
    YearMonth latest = series.lastKey();
    YearMonth start = latest.minusMonths(WINDOW - 1);
    List<double[]> points = new ArrayList<>();
    for (Map.Entry<YearMonth, Double> e : series.subMap(start, true, latest, true).entrySet()) {
      if (e.getValue() != null) {
        points.add(new double[] {ChronoUnit.MONTHS.between(start, e.getKey()), e.getValue()});
      }
    }
    Double latestValue = series.get(latest);
    if (latestValue != null && latestValue >= target) {
      return new Achieved();
    }
    if (points.size() < MIN_MONTHS) {
      return new TooFewMonths();
    }
    double n = points.size();
    double meanX = points.stream().mapToDouble(p -> p[0]).sum() / n;
    double meanY = points.stream().mapToDouble(p -> p[1]).sum() / n;
    double sxy = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[1] - meanY)).sum();
    double sxx = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[0] - meanX)).sum();
    double slope = sxy / sxx;
    if (slope <= 0) {
      return new NotBefore(targetYear + 1);
    }
    double x = meanX + (target - meanY) / slope;
    // Not earlier than the month after the latest: the latest figure is below the target.
    long months = Math.max((long) Math.ceil(x - 1e-9), ChronoUnit.MONTHS.between(start, latest) + 1);
    YearMonth reached = start.plusMonths(months);
    return reached.getYear() > targetYear ? new NotBefore(targetYear + 1) : new ReachedIn(reached);
  }
}
