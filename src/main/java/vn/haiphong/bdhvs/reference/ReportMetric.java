package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * A metric code units write in reports, and its place in a SPEC §5 rate: {@code role} is numerator
 * or denominator of {@code indicator}; {@code targetGroup} is a code or null.
 */
public record ReportMetric(String code, String indicator, String role, String targetGroup, String description)
    implements Serializable {}
