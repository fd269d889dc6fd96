package vn.haiphong.bdhvs.quality;

import java.util.Arrays;

/**
 * The outlier scores of DHIS2's Data Quality app over one unit's history of one metric, as pure
 * functions: a score per value, null where the series gives no judgment (too short a history, no
 * spread). Every value of the series, itself included, makes the history it is judged against.
 */
final class OutlierStatistics {
  /** Fewer periods than this say nothing about what is usual for the unit. */
  static final int MIN_HISTORY = 5;
  static final double Z_LIMIT = 3.0;
  static final double MODIFIED_Z_LIMIT = 3.5;
  /** Makes the MAD comparable to a standard deviation for normal data (Iglewicz and Hoaglin). */
  private static final double MAD_SCALE = 0.6745;

  private OutlierStatistics() {}

  /** (x − mean) / population standard deviation; all null when the history is short or flat. */
  static Double[] zScores(double[] values) {
    Double[] scores = new Double[values.length];
    if (values.length < MIN_HISTORY) {
      return scores;
    }
    double mean = Arrays.stream(values).average().orElseThrow();
    double variance = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum() / values.length;
    double sd = Math.sqrt(variance);
    if (sd == 0) {
      return scores;
    }
    for (int i = 0; i < values.length; i++) {
      scores[i] = (values[i] - mean) / sd;
    }
    return scores;
  }

  /**
   * 0.6745 (x − median) / MAD, MAD the median absolute deviation from the median; all null when
   * the history is short or the MAD is 0 (more than half the values equal: no spread to judge by).
   */
  static Double[] modifiedZScores(double[] values) {
    Double[] scores = new Double[values.length];
    if (values.length < MIN_HISTORY) {
      return scores;
    }
    double median = median(values);
    double mad = median(Arrays.stream(values).map(v -> Math.abs(v - median)).toArray());
    if (mad == 0) {
      return scores;
    }
    for (int i = 0; i < values.length; i++) {
      scores[i] = MAD_SCALE * (values[i] - median) / mad;
    }
    return scores;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
