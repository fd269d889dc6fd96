package vn.haiphong.bdhvs.cube;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Which cube months a night builds, from plain facts about the warehouse (no Spark, no files).
 * A month's figures depend on the facts up to its end, so a night rebuilds from the earliest month
 * it may have moved to the latest; the months before stay as published. Everything is built when
 * there is no cube yet or the cubes' code or reference data changed.
 *
 * @param months the months to build, in order; empty when nothing changed
 * @param replaceFrom the first month replaced in the published cubes; empty when they are built whole
 */
public record RebuildPlan(List<YearMonth> months, Optional<YearMonth> replaceFrom) {

  public RebuildPlan {
    months = List.copyOf(months);
  }

  /**
   * What the plan is made of.
   *
   * @param runMonth the run date's month
   * @param built the months the published cubes hold, in order (empty for a new warehouse)
   * @param firstFact the first month any staged table has data for, if any
   * @param sameVersion whether the published cubes were built by this code and reference data
   * @param factsChangedFrom the earliest month whose facts this night's ingests changed (the ledger's)
   * @param completedSince the first published month with a source that was incomplete when it was built
   *     and that the run date completes (its month ended, its reports fell due), if any: its figures
   *     change with the date alone; read only when the published cubes are kept in part
   */
  public record Facts(YearMonth runMonth, List<YearMonth> built, Optional<YearMonth> firstFact, boolean sameVersion,
      Optional<YearMonth> factsChangedFrom, Optional<YearMonth> completedSince) {

    public Facts {
      built = List.copyOf(built);
    }
  }

  /** Whether the night leaves every published cube month as it is. */
  public boolean nothingToBuild() {
    return months.isEmpty();
  }

  /** Whether every month is built and the published cubes are replaced whole. */
  public boolean whole() {
    return replaceFrom.isEmpty() && !months.isEmpty();
  }

  public YearMonth first() {
    return months.get(0);
  }

  public static RebuildPlan of(Facts f) {
    Optional<YearMonth> latestBuilt = f.built().isEmpty() ? Optional.empty() : Optional.of(f.built().get(f.built().size() - 1));
    // A run for an earlier date keeps the later months it finds: facts are never un-ingested.
    YearMonth last = latestBuilt.map(b -> later(f.runMonth(), b)).orElse(f.runMonth());
    YearMonth first = f.firstFact().filter(m -> !m.isAfter(last)).orElse(last);
    if (latestBuilt.isEmpty() || !f.sameVersion()) {
      return new RebuildPlan(CubeReference.monthsBetween(first, last), Optional.empty());
    }
    YearMonth afterBuilt = latestBuilt.get().plusMonths(1);
    YearMonth from = f.factsChangedFrom().map(changed -> earlier(changed, afterBuilt)).orElse(afterBuilt);
    if (f.completedSince().isPresent()) {
      from = earlier(from, f.completedSince().get());
    }
    if (!from.isAfter(first)) {
      return new RebuildPlan(CubeReference.monthsBetween(first, last), Optional.empty());
    }
    if (from.isAfter(last)) {
      return new RebuildPlan(List.of(), Optional.empty());
    }
    return new RebuildPlan(CubeReference.monthsBetween(from, last), Optional.of(from));
  }

  private static YearMonth later(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  private static YearMonth earlier(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }
}
