package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/** A plan target: {@code scope} is {@code ALL} or a ward code overriding the city target; {@code comparator} is {@code ge}. */
public record PlanTarget(String indicatorCode, int year, String scope, double targetValue, String comparator, String plan)
    implements Serializable {}
