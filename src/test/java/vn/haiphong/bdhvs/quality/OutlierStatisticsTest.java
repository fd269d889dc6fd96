package vn.haiphong.bdhvs.quality;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class OutlierStatisticsTest {
  /** Eleven months of 10 and one of 100. */
  static final double[] ONE_PLANTED = {10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 100};
  /** Six periods, one far off; too few for a z-score beyond 3 (at most √5). */
  static final double[] SHORT_WITH_SPREAD = {10, 12, 11, 13, 9, 50};

  @Test
  void zScores_plantedOutlierScoresRootEleven() {
    // mean 17.5, population variance 618.75: (100 - 17.5)² / 618.75 = 11, and 7.5² / 618.75 = 1/11.
    Double[] z = OutlierStatistics.zScores(ONE_PLANTED);
    assertEquals(Math.sqrt(11), z[11], 1e-9);
    assertEquals(-1 / Math.sqrt(11), z[0], 1e-9);
    assertEquals(1, Arrays.stream(z).filter(s -> Math.abs(s) > OutlierStatistics.Z_LIMIT).count());
  }

  @Test
  void modifiedZScores_madOfZeroGivesNoJudgment() {
    assertTrue(Arrays.stream(OutlierStatistics.modifiedZScores(ONE_PLANTED)).allMatch(Objects::isNull));
  }

  @Test
  void modifiedZScores_plantedOutlierAgainstMedianAbsoluteDeviation() {
    // median 11.5; absolute deviations 1.5 .5 .5 1.5 2.5 38.5, their median 1.5.
    Double[] m = OutlierStatistics.modifiedZScores(SHORT_WITH_SPREAD);
    assertEquals(0.6745 * 38.5 / 1.5, m[5], 1e-9);
    assertEquals(0.6745 * -2.5 / 1.5, m[4], 1e-9);
    assertEquals(1, Arrays.stream(m).filter(s -> Math.abs(s) > OutlierStatistics.MODIFIED_Z_LIMIT).count());
  }

  @Test
  void zScores_sixPeriodsCannotExceedThree() {
    assertTrue(Arrays.stream(OutlierStatistics.zScores(SHORT_WITH_SPREAD))
        .noneMatch(s -> Math.abs(s) > OutlierStatistics.Z_LIMIT));
  }

  @Test
  void tooShortHistoryGivesNoJudgment() {
    double[] four = {1, 2, 3, 1000};
    assertArrayEquals(new Double[4], OutlierStatistics.zScores(four));
    assertArrayEquals(new Double[4], OutlierStatistics.modifiedZScores(four));
  }

  @Test
  void zScores_flatSeriesGivesNoJudgment() {
    assertNull(OutlierStatistics.zScores(new double[] {7, 7, 7, 7, 7})[0]);
  }

  @Test
  void median_evenCountAveragesTheMiddleTwo() {
    assertEquals(2.5, OutlierStatistics.median(new double[] {4, 1, 3, 2}));
    assertEquals(3, OutlierStatistics.median(new double[] {5, 3, 1}));
  }
}
