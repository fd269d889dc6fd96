package vn.haiphong.bdhvs.generate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much data to generate. CITY reproduces the figures of the seed report (to 30 November 2025) exactly;
 * SMALL keeps every shape and quirk with few rows so that tests run in seconds. QUARTER_CITY,
 * FOUR_CITIES and NATIONAL multiply the city's persons and activity (wards, units and telecom stay
 * the city's) to show how cost grows with volume. NATIONAL is 8 cities: the largest volume whose
 * run fits this project's 2-core, 24 GiB machines; the whole country is about 22 Hải Phòngs by
 * population, which the benchmark projects from the measured sizes.
 */
public enum Scale {
  SMALL("small", 2_400, 98_765, List.of(160, 60, 14, 17), new int[] {300, 108, 7}, 40),
  QUARTER_CITY("quarter-city", 0.25),
  CITY("city", 1),
  FOUR_CITIES("4x-city", 4),
  NATIONAL("national", 8);

  /** The seed report's figures (to 30/11/2025), which CITY reproduces and the multiples scale. */
  private static final class Seed {
    static final int REGISTRANTS = 311_243;
    static final long CONTEST_VISITS = 5_078_387;
    /** Lớp 1–4 of the report, in the order of the catalog's first four city-lms classes. */
    static final List<Integer> BIG_CLASSES = List.of(45_344, 11_749, 1_294, 1_454);
    /** The national MOOC's learners: registered, completed a course, certified on VNeID. */
    static final int[] MOOC_FUNNEL = {30_835, 11_138, 696};
    static final int OTHER_CLASS_LEARNERS = 600;
  }

  private final String label;
  /** Distinct contest registrants (persons) registered from the opening to the closing day. */
  final int contestRegistrants;
  /** Sum of the winning daily visit counters over the contest's days: its total. */
  final long contestVisits;
  /** Distinct learners of the first four city-lms classes in the 2025-11-30 snapshot. */
  final List<Integer> bigClassLearners;
  /** Distinct persons registered on the national MOOC up to 2025-11-30. */
  final int moocLearners;
  /** Of them, distinct persons with a (not voided) completed course up to 2025-11-30. */
  final int moocCompleted;
  /** Of them, distinct persons certified on VNeID up to 2025-11-30. */
  final int vneidCertified;
  /** Learners of the smaller city-lms classes (beyond the four big ones), per class. */
  final int otherClassLearners;

  Scale(String label, int contestRegistrants, long contestVisits, List<Integer> bigClassLearners,
      int[] moocFunnel, int otherClassLearners) {
    this.label = label;
    this.contestRegistrants = contestRegistrants;
    this.contestVisits = contestVisits;
    this.bigClassLearners = bigClassLearners;
    this.moocLearners = moocFunnel[0];
    this.moocCompleted = moocFunnel[1];
    this.vneidCertified = moocFunnel[2];
    this.otherClassLearners = otherClassLearners;
  }

  /** The seed city's volume times {@code cities}. */
  Scale(String label, double cities) {
    this(label, (int) Math.round(Seed.REGISTRANTS * cities), Math.round(Seed.CONTEST_VISITS * cities),
        Seed.BIG_CLASSES.stream().map(n -> (int) Math.round(n * cities)).toList(),
        Arrays.stream(Seed.MOOC_FUNNEL).map(n -> (int) Math.round(n * cities)).toArray(),
        (int) Math.round(Seed.OTHER_CLASS_LEARNERS * cities));
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
