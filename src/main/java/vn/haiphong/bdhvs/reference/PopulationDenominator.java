package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * A denominator for one ward × target group × year × measure. {@code targetGroup} is a target-group
 * code, or {@code ALL} for whole-population measures (population, households). Only a published
 * population has {@code isEstimate = false}.
 */
public record PopulationDenominator(String wardCode, String targetGroup, int year, String measure, long value,
    boolean isEstimate, String method) implements Serializable {}
