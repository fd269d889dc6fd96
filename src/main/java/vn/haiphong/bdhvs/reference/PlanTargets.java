package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.haiphong.bdhvs.codes.DimensionMember;

/**
 * {@code reference/plan_targets.csv}: each plan's targets per indicator × year, for the plan's scope
 * (docs/specification.md §5). The rules of which target is in force, written here and nowhere else:
 * <ul>
 *   <li>a ward's own targets (its ward plan, or a template it adopted by an explicit row) override the city's for
 *       that ward; a ward without its own target for the indicator and year takes the city's;</li>
 *   <li>a template's own rows ({@link #TEMPLATE}) apply nowhere: they are kept for reference;</li>
 *   <li>where two plans set a target for one scope, indicator and year, the stricter (higher, all comparators
 *       being {@code ge}) is in force and the other is kept for reference ({@link #disagreements});</li>
 *   <li>a year no plan sets a target for is judged against the next year that has one (its milestone), on a
 *       line from the previous milestone — its target at the end of its year — or else from the plan's start at
 *       its baseline ({@link #milestone}).</li>
 * </ul>
 */
public final class PlanTargets implements Serializable {
  /** The scope of a template plan's own rows: kept for reference, in force nowhere until a ward adopts them. */
  public static final String TEMPLATE = "TEMPLATE";

  private final List<PlanTarget> targets;

  private PlanTargets(List<PlanTarget> targets) {
    this.targets = List.copyOf(targets);
  }

  public static PlanTargets load(WardDirectory wards) {
    Plans plans = Plans.load();
    return new PlanTargets(ReferenceTable.load("plan_targets").rows().stream().map(row -> {
      String scope = row.text("scope");
      if (!scope.equals(DimensionMember.ALL) && !scope.equals(TEMPLATE) && wards.byCode(scope).isEmpty()) {
        throw row.error("scope", "ALL, TEMPLATE or one of the 114 ward codes");
      }
      if (!row.text("comparator").equals("ge")) {
        throw row.error("comparator", "ge");
      }
      Plan plan = plans.byId(row.text("plan_id"))
          .orElseThrow(() -> row.error("plan_id", "a plan_id of reference/plans.csv"));
      String misfit = misfit(plan, scope);
      if (misfit != null) {
        throw row.error("scope", misfit);
      }
      Double baseline = row.decimal("baseline_value");
      return new PlanTarget(row.text("indicator_code"), row.integer("year"), scope, row.decimal("target_value"),
          row.text("comparator"), plan, baseline == null ? 0.0 : baseline);
    }).toList());
  }

  /** Targets as given, for tests of the rules on a handful of rows. */
  static PlanTargets of(List<PlanTarget> targets) {
    return new PlanTargets(targets);
  }

  /**
   * What a scope must be for a plan, or null when it fits: a city or sector plan sets the city's targets, a ward
   * plan its own ward's, a template its own rows or — adopted by an explicit row — a ward's.
   */
  static String misfit(Plan plan, String scope) {
    return switch (plan.scope()) {
      case "ward" -> scope.equals(plan.wardCode()) ? null : "the plan's own ward " + plan.wardCode();
      case "template" -> scope.equals(DimensionMember.ALL)
          ? "TEMPLATE or the code of a ward that adopts the template (a template never sets the city's targets)" : null;
      default -> scope.equals(DimensionMember.ALL) ? null : "ALL (a " + plan.scope() + " plan sets the city's targets)";
    };
  }

  public List<PlanTarget> targets() {
    return targets;
  }

  /**
   * The target in force for an indicator, year and scope: the ward's own if any plan sets one for it, else the
   * city's; the stricter where plans disagree. Empty when no plan sets one for that year.
   */
  public Optional<PlanTarget> target(String indicatorCode, int year, String scope) {
    Optional<PlanTarget> own = scope.equals(DimensionMember.ALL) ? Optional.empty() : stricter(indicatorCode, year, scope);
    return own.isPresent() ? own : stricter(indicatorCode, year, DimensionMember.ALL);
  }

  /**
   * The milestone a month of {@code year} is judged against: the target in force for that year, else for the
   * next year that has one; with where its line starts.
   */
  public Optional<Milestone> milestone(String indicatorCode, int year, String scope) {
    Optional<PlanTarget> due = years(indicatorCode, scope).stream().filter(y -> y >= year).findFirst()
        .flatMap(y -> target(indicatorCode, y, scope));
    return due.map(t -> {
      Optional<PlanTarget> previous = years(indicatorCode, scope).stream().filter(y -> y < t.year())
          .reduce((a, b) -> b).flatMap(y -> target(indicatorCode, y, scope));
      return previous.map(p -> new Milestone(t, YearMonth.of(p.year() + 1, 1), p.targetValue()))
          .orElseGet(() -> new Milestone(t, t.plan().start(), t.baselineValue()));
    });
  }

  /**
   * A target and where the straight line it is judged against starts: {@code from} (the start of that month) at
   * {@code fromValue}.
   */
  public record Milestone(PlanTarget target, YearMonth from, double fromValue) implements Serializable {}

  /** Targets that two or more plans set for one scope, indicator and year, with different values. */
  public record Disagreement(PlanTarget inForce, List<PlanTarget> forReference) implements Serializable {}

  /** Every disagreement between plans: the stricter target in force, the others kept for reference. */
  public List<Disagreement> disagreements() {
    return targets.stream().filter(t -> !t.scope().equals(TEMPLATE))
        .flatMap(t -> disagreementOver(stricter(t.indicatorCode(), t.year(), t.scope()).orElseThrow()).stream())
        .distinct().toList();
  }

  /** The disagreement behind the target in force for an indicator, year and scope, if plans disagree on it. */
  public Optional<Disagreement> disagreement(String indicatorCode, int year, String scope) {
    return target(indicatorCode, year, scope).flatMap(this::disagreementOver);
  }

  // The other targets of the same scope, indicator and year that differ from the one in force, if any.
  private Optional<Disagreement> disagreementOver(PlanTarget inForce) {
    List<PlanTarget> others = sameCell(inForce.indicatorCode(), inForce.year(), inForce.scope())
        .filter(t -> t != inForce && t.targetValue() != inForce.targetValue()).toList();
    return others.isEmpty() ? Optional.empty() : Optional.of(new Disagreement(inForce, others));
  }

  private Optional<PlanTarget> stricter(String indicatorCode, int year, String scope) {
    // Ties keep the first row written, so the result does not depend on anything but the file.
    return sameCell(indicatorCode, year, scope).reduce((a, b) -> b.targetValue() > a.targetValue() ? b : a);
  }

  private java.util.stream.Stream<PlanTarget> sameCell(String indicatorCode, int year, String scope) {
    return targets.stream()
        .filter(t -> t.indicatorCode().equals(indicatorCode) && t.year() == year && t.scope().equals(scope));
  }

  // The years some plan sets a target for the indicator in the scope or in the city, ascending.
  private List<Integer> years(String indicatorCode, String scope) {
    return targets.stream().filter(t -> t.indicatorCode().equals(indicatorCode)
            && (t.scope().equals(scope) || t.scope().equals(DimensionMember.ALL)))
        .map(PlanTarget::year).distinct().sorted(Comparator.naturalOrder()).toList();
  }
}
