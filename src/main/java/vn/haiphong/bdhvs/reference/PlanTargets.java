package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * {@code reference/plan_targets.csv}: targets per indicator × year, city-wide with optional ward overrides, each
 * set by a plan of {@code reference/plans.csv}.
 */
public final class PlanTargets implements Serializable {

  private final List<PlanTarget> targets;

  private PlanTargets(List<PlanTarget> targets) {
    this.targets = List.copyOf(targets);
  }

  public static PlanTargets load(WardDirectory wards) {
    Plans plans = Plans.load();
    return new PlanTargets(ReferenceTable.load("plan_targets").rows().stream().map(row -> {
      String scope = row.text("scope");
      if (!scope.equals(WardDirectory.ALL) && wards.byCode(scope).isEmpty()) {
        throw row.error("scope", "ALL or one of the 114 ward codes");
      }
      if (!row.text("comparator").equals("ge")) {
        throw row.error("comparator", "ge");
      }
      Plan plan = plans.byId(row.text("plan_id"))
          .orElseThrow(() -> row.error("plan_id", "a plan_id of reference/plans.csv"));
      Double baseline = row.decimal("baseline_value");
      return new PlanTarget(row.text("indicator_code"), row.integer("year"), scope, row.decimal("target_value"),
          row.text("comparator"), plan, baseline == null ? 0.0 : baseline);
    }).toList());
  }

  public List<PlanTarget> targets() {
    return targets;
  }

  /** The ward's own target if one is written, else the city's; empty when the plans set none for that year. */
  public Optional<PlanTarget> target(String indicatorCode, int year, String wardCode) {
    Optional<PlanTarget> own = find(indicatorCode, year, wardCode);
    return own.isPresent() ? own : find(indicatorCode, year, WardDirectory.ALL);
  }

  private Optional<PlanTarget> find(String indicatorCode, int year, String scope) {
    return targets.stream()
        .filter(t -> t.indicatorCode().equals(indicatorCode) && t.year() == year && t.scope().equals(scope))
        .findFirst();
  }
}
