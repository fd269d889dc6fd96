package vn.haiphong.bdhvs.cube;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * When a cumulative figure reaches its target at its recent pace: a least-squares line through the
 * figures of the last {@link #WINDOW} months (at least {@link #MIN_MONTHS} of them), followed to the
 * first month it meets the target. A pure function of the series; {@link TargetProjections} applies
 * it to every scope of the cube, the reports word its outcome.
 */
public final class TargetProjection {
  public static final int WINDOW = 6;
  public static final int MIN_MONTHS = 3;
  /** The method's code in cubes/target_projection. */
  public static final String METHOD_CODE = "least_squares_cumulative";
  public static final String METHOD = "Dự kiến đạt: đường thẳng bình phương tối thiểu qua số liệu lũy kế của "
      + WINDOW + " tháng gần nhất (cần ít nhất " + MIN_MONTHS + " tháng), kéo dài đến khi chạm mục tiêu.";

  /** What the projection says: a code kept in data and its Vietnamese wording. */
  public sealed interface Outcome permits Achieved, ReachedIn, NotBefore, TooFewMonths {
    /** The code of cubes/target_projection's {@code outcome}. */
    String code();

    /** As the KPI tables write it. */
    String vi();
  }

  /** The latest figure already meets the target. */
  public record Achieved() implements Outcome {
    public String code() {
      return "achieved";
    }

    public String vi() {
      return "đã đạt";
    }
  }

  /** The line meets the target in {@code month}, within the target year. */
  public record ReachedIn(YearMonth month) implements Outcome {
    public String code() {
      return "reached";
    }

    public String vi() {
      return String.format("dự kiến đạt: %02d/%d", month.getMonthValue(), month.getYear());
    }
  }

  /** The line does not meet the target by the end of the target year (or does not rise at all). */
  public record NotBefore(int year) implements Outcome {
    public String code() {
      return "not_before";
    }

    public String vi() {
      return "không đạt trước " + year;
    }
  }

  /** Fewer than {@link #MIN_MONTHS} figures in the window. */
  public record TooFewMonths() implements Outcome {
    public String code() {
      return "too_few_months";
    }

    public String vi() {
      return "chưa đủ số liệu";
    }
  }

  /**
   * The window the line is fitted over: its first and last month, the months in it that have a
   * figure, and the line's slope per month (null with fewer than two such months).
   */
  public record Window(YearMonth from, YearMonth to, int months, Double slopePerMonth) {}

  private TargetProjection() {}

  /** The window of {@code series} (month → cumulative figure, nulls for months without one), ending at its latest month. */
  public static Window window(NavigableMap<YearMonth, Double> series) {
    YearMonth latest = series.lastKey();
    YearMonth start = latest.minusMonths(WINDOW - 1);
    List<double[]> points = points(series, start);
    return new Window(start, latest, points.size(), points.size() < 2 ? null : line(points)[0]);
  }

  /**
   * The outcome for {@code series} (month → cumulative figure, nulls for months without one) against
   * {@code target}, to be met by the end of {@code targetYear}.
   */
  public static Outcome project(NavigableMap<YearMonth, Double> series, double target, int targetYear) {
    if (series.isEmpty()) {
      return new TooFewMonths();
    }
    YearMonth latest = series.lastKey();
    YearMonth start = latest.minusMonths(WINDOW - 1);
    List<double[]> points = points(series, start);
    Double latestValue = series.get(latest);
    if (latestValue != null && latestValue >= target) {
      return new Achieved();
    }
    if (points.size() < MIN_MONTHS) {
      return new TooFewMonths();
    }
    double[] line = line(points);
    double slope = line[0];
    if (slope <= 0) {
      return new NotBefore(targetYear + 1);
    }
    double x = line[1] + (target - line[2]) / slope;
    // Not earlier than the month after the latest: the latest figure is below the target.
    long months = Math.max((long) Math.ceil(x - 1e-9), ChronoUnit.MONTHS.between(start, latest) + 1);
    YearMonth reached = start.plusMonths(months);
    return reached.getYear() > targetYear ? new NotBefore(targetYear + 1) : new ReachedIn(reached);
  }

  // (months since start, figure) of the window's months that have a figure.
  private static List<double[]> points(NavigableMap<YearMonth, Double> series, YearMonth start) {
    List<double[]> points = new ArrayList<>();
    for (Map.Entry<YearMonth, Double> e : series.tailMap(start, true).entrySet()) {
      if (e.getValue() != null) {
        points.add(new double[] {ChronoUnit.MONTHS.between(start, e.getKey()), e.getValue()});
      }
    }
    return points;
  }

  // The least-squares line as {slope, mean x, mean y}.
  private static double[] line(List<double[]> points) {
    double n = points.size();
    double meanX = points.stream().mapToDouble(p -> p[0]).sum() / n;
    double meanY = points.stream().mapToDouble(p -> p[1]).sum() / n;
    double sxy = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[1] - meanY)).sum();
    double sxx = points.stream().mapToDouble(p -> (p[0] - meanX) * (p[0] - meanX)).sum();
    return new double[] {sxy / sxx, meanX, meanY};
  }
}
