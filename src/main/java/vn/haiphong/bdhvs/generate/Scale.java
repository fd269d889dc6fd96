package vn.haiphong.bdhvs.generate;

import java.util.List;
import java.util.Locale;

/**
 * How much data to generate. CITY reproduces the November 2025 figures of the seed report exactly;
 * SMALL keeps every shape and quirk with few rows so that tests run in seconds. A NATIONAL scale
 * can be added as another constant without touching the exports.
 */
public enum Scale {
  SMALL(2_400, 98_765, List.of(160, 60, 14, 17), 300, 40),
  CITY(311_243, 5_078_387, List.of(45_344, 11_749, 1_294, 1_454), 24_000, 600);

  /** Distinct contest registrants (persons) registered up to 2025-11-30. */
  final int contestRegistrants;
  /** Sum of the winning daily visit counters over November 2025. */
  final long novemberVisits;
  /** Distinct learners of the first four city-lms classes in the 2025-11-30 snapshot. */
  final List<Integer> bigClassLearners;
  /** Learners on the national MOOC over the whole period. */
  final int moocLearners;
  /** Learners of the smaller city-lms classes (beyond the four big ones), per class. */
  final int otherClassLearners;

  Scale(int contestRegistrants, long novemberVisits, List<Integer> bigClassLearners,
      int moocLearners, int otherClassLearners) {
    this.contestRegistrants = contestRegistrants;
    this.novemberVisits = novemberVisits;
    this.bigClassLearners = bigClassLearners;
    this.moocLearners = moocLearners;
    this.otherClassLearners = otherClassLearners;
  }

  /** The CLI spelling: {@code small}, {@code city}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Scale parse(String label) {
    return valueOf(label.trim().toUpperCase(Locale.ROOT));
  }
}
