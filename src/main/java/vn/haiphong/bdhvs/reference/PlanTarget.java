package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * A plan target: {@code scope} is {@code ALL} or a ward code overriding the city target; {@code comparator} is
 * {@code ge}. Its trajectory starts at {@code plan}'s start month at {@code baselineValue} (0 where the plan
 * states none) and ends at {@code targetValue} at the end of {@code year} (docs/specification.md §5).
 */
public record PlanTarget(String indicatorCode, int year, String scope, double targetValue, String comparator,
    Plan plan, double baselineValue) implements Serializable {}
