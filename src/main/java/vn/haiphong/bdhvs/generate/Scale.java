package vn.haiphong.bdhvs.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much data to generate. CITY reproduces the November 2025 figures of the seed report exactly;
 * SMALL keeps every shape and quirk with few rows so that tests run in seconds. QUARTER_CITY,
 * FOUR_CITIES and NATIONAL multiply the city's persons and activity (wards, units and telecom stay
 * the city's) to show how cost grows with volume. NATIONAL is 8 cities: the largest volume whose
 * run fits this project's 2-core, 24 GiB machines; the whole country is about 22 Hải Phòngs by
 * population, which the benchmark projects from the measured sizes.
 */
public enum Scale {
  SMALL("small", 2_400, 98_765, List.of(160, 60, 14, 17), 300, 40),
  QUARTER_CITY("quarter-city", 0.25),
  CITY("city", 1),
  FOUR_CITIES("4x-city", 4),
  NATIONAL("national", 8);

  /** The seed report's November 2025 figures, which CITY reproduces and the multiples scale. */
  private static final class Seed {
    static final int REGISTRANTS = 311_243;
    static final long NOVEMBER_VISITS = 5_078_387;
    static final List<Integer> BIG_CLASSES = List.of(45_344, 11_749, 1_294, 1_454);
    static final int MOOC_LEARNERS = 24_000;
    static final int OTHER_CLASS_LEARNERS = 600;
  }

  private final String label;
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

  Scale(String label, int contestRegistrants, long novemberVisits, List<Integer> bigClassLearners,
      int moocLearners, int otherClassLearners) {
    this.label = label;
    this.contestRegistrants = contestRegistrants;
    this.novemberVisits = novemberVisits;
    this.bigClassLearners = bigClassLearners;
    this.moocLearners = moocLearners;
    this.otherClassLearners = otherClassLearners;
  }

  /** The seed city's volume times {@code cities}. */
  Scale(String label, double cities) {
    this(label, (int) Math.round(Seed.REGISTRANTS * cities), Math.round(Seed.NOVEMBER_VISITS * cities),
        Seed.BIG_CLASSES.stream().map(n -> (int) Math.round(n * cities)).toList(),
        (int) Math.round(Seed.MOOC_LEARNERS * cities), (int) Math.round(Seed.OTHER_CLASS_LEARNERS * cities));
  }

  /** The CLI spelling: {@code small}, {@code quarter-city}, {@code city}, {@code 4x-city}, {@code national}. */
  public String label() {
    return label;
  }

  /** The scale of a CLI spelling; an unknown one names the choices. */
  public static Scale parse(String label) {
    String wanted = label.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(s -> s.label.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown scale '" + label + "': choose one of "
            + Arrays.stream(values()).map(Scale::label).collect(Collectors.joining(", "))));
  }
}
