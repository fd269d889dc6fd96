package vn.haiphong.bdhvs.generate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import vn.haiphong.bdhvs.reference.PopulationDenominators;
import vn.haiphong.bdhvs.reference.ReportMetric;
import vn.haiphong.bdhvs.reference.ReportMetrics;
import vn.haiphong.bdhvs.reference.ReportingUnit;

/**
 * What each reporting unit writes for September, October and November 2025 (docs/specification.md
 * §2.5): totals of a unit's size (below the ward's estimated population where a rule compares
 * them), cumulative figures that only grow, rates of the size wards report (well above what the
 * platforms measure), yes/no answers 0 or 1, at least as many mentees as mentors. The officials
 * trained that the 114 wards and the city departments report for November add up to the seed
 * report's {@link #OFFICIALS_TRAINED}. A few typing errors are planted on purpose, each recorded,
 * so that the validation rules have something real to find.
 */
final class ReportedFigures {

  /** "21.235 cán bộ, công chức, viên chức … của 128 đơn vị" (114 wards and 14 city departments). */
  static final long OFFICIALS_TRAINED = 21_235;
  static final int MONTHS = DeliveryCalendar.REPORT_MONTHS.size();
  private static final int NOVEMBER = MONTHS - 1;
  /** Departments that report enterprise workers (industry, agriculture and co-operatives) and institutions. */
  private static final Set<String> WORKER_DEPARTMENTS = Set.of("SO-CT", "SO-NNMT");
  private static final String EDUCATION_DEPARTMENT = "SO-GDDT";

  /**
   * Typing errors planted in received monthly reports, one kind per validation rule or check: each
   * one breaks {@code rule} (reference/validation_rules.csv) and is an outlier by {@code outlier}
   * (quality/report_outliers' method), where it names them, and nothing else.
   */
  enum Slip {
    /** The number of sessions written where the form asks 1 (held) or 0: VR01, and above the metric's maximum 1. */
    SESSIONS_FOR_YES_NO("VR01", "min_max"),
    /** Mentors and mentees in each other's field (VR10). */
    MENTORS_SWAPPED("VR10", null),
    /** A digit dropped from a cumulative figure, which then falls (outlier cumulative_fall). */
    DIGIT_DROPPED(null, "cumulative_fall"),
    /** A digit too many in the department's count of education institutions (VR11). */
    DIGIT_ADDED("VR11", null);

    final String rule;
    final String outlier;

    Slip(String rule, String outlier) {
      this.rule = rule;
      this.outlier = outlier;
    }
  }

  private final SplittableRandom random;
  private final PopulationDenominators population;
  private final ReportMetrics metrics;
  /** unit code → metric code → value per month. */
  private final Map<String, Map<String, long[]>> values = new LinkedHashMap<>();
  private final Map<String, Slip> slips = new LinkedHashMap<>();

  ReportedFigures(SplittableRandom random, PopulationDenominators population, ReportMetrics metrics,
      List<ReportingUnit> units) {
    this.random = random;
    this.population = population;
    this.metrics = metrics;
    for (ReportingUnit unit : units) {
      values.put(unit.code(), plan(unit));
    }
    trainOfficials(units);
  }

  /** The metric codes a unit writes, each once, in the reference order. */
  List<ReportMetric> metricsFor(ReportingUnit unit) {
    List<String> prefixes = switch (unit.kind()) {
      case "ward" -> List.of("adults_", "officials_", "households_", "community_", "mentor", "mentee");
      case "school" -> List.of("students_", "parents_");
      default -> {
        List<String> p = new ArrayList<>(List.of("officials_"));
        if (WORKER_DEPARTMENTS.contains(unit.code())) {
          p.add("workers_");
        }
        if (unit.code().equals(EDUCATION_DEPARTMENT)) {
          p.add("edu_");
        }
        yield p;
      }
    };
    List<ReportMetric> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ReportMetric m : metrics.metrics()) {
      if (prefixes.stream().anyMatch(m.code()::startsWith) && seen.add(m.code())) {
        out.add(m);
      }
    }
    return out;
  }

  /** The value a unit reports for a metric in a month (0 = September), with its planted slip if any. */
  long value(String unitCode, String metric, int month) {
    long v = values.get(unitCode).get(metric)[month];
    Slip slip = slips.get(key(unitCode, month));
    if (slip == null) {
      return v;
    }
    return switch (slip) {
      case SESSIONS_FOR_YES_NO -> metric.equals("community_class_held") ? 3 + month : v;
      case MENTORS_SWAPPED -> metric.equals("mentors") ? values.get(unitCode).get("mentees")[month]
          : metric.equals("mentees") ? values.get(unitCode).get("mentors")[month] : v;
      case DIGIT_DROPPED -> metric.equals("adults_basic_skill") ? v / 10 : v;
      case DIGIT_ADDED -> metric.equals("edu_institutions_total") ? v * 10 : v;
    };
  }

  /** Plants a slip in a unit's report of a month; the caller picks received reports only. */
  void plant(String unitCode, int month, Slip slip) {
    slips.put(key(unitCode, month), slip);
  }

  boolean hasSlip(String unitCode, int month) {
    return slips.containsKey(key(unitCode, month));
  }

  private static String key(String unitCode, int month) {
    return unitCode + "|" + month;
  }

  private Map<String, long[]> plan(ReportingUnit unit) {
    Map<String, long[]> m = new LinkedHashMap<>();
    String ward = unit.wardCode();
    for (ReportMetric metric : metricsFor(unit)) {
      String code = metric.code();
      long[] v = switch (code) {
        case "adults_total" -> constant(belowEstimate(ward, "adults"));
        case "households_total" -> constant(belowEstimate(ward, "households"));
        case "officials_total" -> constant(unit.kind().equals("ward") ? 120 + random.nextInt(80) : 250 + random.nextInt(400));
        case "students_total" -> constant(400 + random.nextInt(2_100));
        // 1.4–1.7 parents per student, never above the ward's estimate.
        case "parents_total" -> constant(Math.min(m.get("students_total")[0] * (140 + random.nextInt(30)) / 100,
            estimate(ward, "parents")));
        case "workers_total" -> constant(5_000 + random.nextInt(20_000));
        case "edu_institutions_total" -> constant(1_700 + random.nextInt(150));
        case "adults_basic_skill" -> growing(m.get("adults_total"), 45, 85);
        case "adults_vneid_certified" -> growing(m.get("adults_total"), 2, 9);
        case "households_digital" -> growing(m.get("households_total"), 35, 75);
        case "students_equipped" -> growing(m.get("students_total"), 70, 100);
        case "parents_skilled" -> growing(m.get("parents_total"), 40, 85);
        case "workers_skilled" -> growing(m.get("workers_total"), 40, 75);
        case "edu_institutions_community" -> growing(m.get("edu_institutions_total"), 65, 85);
        // Provisional: trainOfficials sets November so that the units add up to the seed report.
        case "officials_skilled" -> growing(m.get("officials_total"), 72, 100);
        case "community_class_held" -> new long[] {yesMostly(), yesMostly(), yesMostly()};
        // Teachers, lecturers and employees of the sector: about 40,000 in the city, most already skilled.
        case "edu_staff_total" -> constant(36_000 + random.nextInt(6_000));
        case "edu_staff_skilled" -> growing(m.get("edu_staff_total"), 74, 92);
        case "edu_institutions_digital_curriculum" -> growing(m.get("edu_institutions_total"), 35, 75);
        // The day is 10 October: nothing in September, then the institutions that held it.
        case "edu_institutions_festival" -> heldInOctober(m.get("edu_institutions_total"));
        case "community_tech_members_total" -> constant(12 + random.nextInt(40));
        case "community_tech_members_trained" -> growing(m.get("community_tech_members_total"), 45, 100);
        case "community_models" -> models();
        case "mentors" -> mentors();
        case "mentees" -> mentees(m.get("mentors"));
        default -> fallback(metric, m);
      };
      m.put(code, v);
    }
    return m;
  }

  /** A metric this generator does not know yet: a plausible count, a numerator within its denominator. */
  private long[] fallback(ReportMetric metric, Map<String, long[]> planned) {
    if (metric.role().equals("denominator")) {
      return constant(200 + random.nextInt(5_000));
    }
    long[] denominator = metrics.forIndicator(metric.indicator()).stream()
        .filter(x -> x.role().equals("denominator")).map(x -> planned.get(x.code()))
        .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    return denominator == null ? growingCount(random.nextInt(200)) : growing(denominator, 30, 70);
  }

  private long[] constant(long v) {
    return new long[] {v, v, v};
  }

  /** A cumulative figure: November at a rate drawn in [low, high] % of {@code total}, earlier months lower. */
  private long[] growing(long[] total, int low, int high) {
    if (total == null) {
      return growingCount(random.nextInt(200));
    }
    long november = total[NOVEMBER] * (low * 10 + random.nextInt((high - low) * 10 + 1)) / 1000;
    return growingCount(november);
  }

  private long[] growingCount(long november) {
    long october = november * (85 + random.nextInt(11)) / 100;
    long september = october * (80 + random.nextInt(16)) / 100;
    return new long[] {september, october, november};
  }

  private long[] heldInOctober(long[] institutions) {
    long held = institutions[NOVEMBER] * (880 + random.nextInt(121)) / 1000;
    return new long[] {0, held, held};
  }

  /** Models in operation: most wards have one or two by November, a few none yet; never fewer than the month before. */
  private long[] models() {
    long november = random.nextInt(100) < 85 ? 1 + random.nextInt(3) : 0;
    long october = Math.max(0, november - random.nextInt(2));
    return new long[] {Math.max(0, october - random.nextInt(2)), october, november};
  }

  private long yesMostly() {
    return random.nextInt(100) < 85 ? 1 : 0;
  }

  private long[] mentors() {
    long september = 6 + random.nextInt(30);
    long october = september + random.nextInt(4);
    return new long[] {september, october, october + random.nextInt(4)};
  }

  /** 3–14 mentees per mentor: most wards at the plans' "≥ 5", some below. */
  private long[] mentees(long[] mentors) {
    long[] out = new long[MONTHS];
    long per = 3 + random.nextInt(12);
    for (int m = 0; m < MONTHS; m++) {
      out[m] = mentors[m] * per + random.nextInt((int) mentors[m] + 1) + (m > 0 ? out[m - 1] / 10 : 0);
    }
    return out;
  }

  private long estimate(String ward, String measure) {
    if (ward == null) {
      throw new IllegalStateException("a " + measure + " total needs the unit's ward");
    }
    return population.find(ward, 2025, measure).orElseThrow(
        () -> new IllegalStateException("no 2025 " + measure + " estimate for ward " + ward)).value();
  }

  /** 90–98 % of the ward's estimate: a unit counts its own residents, a little under the estimate. */
  private long belowEstimate(String ward, String measure) {
    return estimate(ward, measure) * (90 + random.nextInt(9)) / 100;
  }

  /**
   * November's officials trained of the wards and departments, scaled from their drawn rates so
   * that they add up to {@link #OFFICIALS_TRAINED} exactly (never above a unit's staff), and the
   * earlier months kept below November.
   */
  private void trainOfficials(List<ReportingUnit> units) {
    List<String> reporting = units.stream().filter(u -> values.get(u.code()).containsKey("officials_skilled"))
        .map(ReportingUnit::code).toList();
    long staff = reporting.stream().mapToLong(u -> values.get(u).get("officials_total")[NOVEMBER]).sum();
    long drawn = reporting.stream().mapToLong(u -> values.get(u).get("officials_skilled")[NOVEMBER]).sum();
    if (staff < OFFICIALS_TRAINED) {
      throw new IllegalStateException("the units' staff " + staff + " cannot hold " + OFFICIALS_TRAINED + " trained");
    }
    long assigned = 0;
    for (String u : reporting) {
      long[] skilled = values.get(u).get("officials_skilled");
      long total = values.get(u).get("officials_total")[NOVEMBER];
      skilled[NOVEMBER] = Math.min(total, skilled[NOVEMBER] * OFFICIALS_TRAINED / drawn);
      assigned += skilled[NOVEMBER];
    }
    for (int i = 0; assigned < OFFICIALS_TRAINED; i = (i + 1) % reporting.size()) {
      long[] skilled = values.get(reporting.get(i)).get("officials_skilled");
      if (skilled[NOVEMBER] < values.get(reporting.get(i)).get("officials_total")[NOVEMBER]) {
        skilled[NOVEMBER]++;
        assigned++;
      }
    }
    for (String u : reporting) {
      long[] skilled = values.get(u).get("officials_skilled");
      skilled[1] = Math.min(skilled[1], skilled[NOVEMBER]);
      skilled[0] = Math.min(skilled[0], skilled[1]);
    }
  }
}
