package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * A metric code units write in reports, and its place in a rate of docs/specification.md §5: {@code role} is numerator
 * or denominator of {@code indicator}; {@code targetGroup} is a code or null.
 */
public record ReportMetric(String code, String indicator, String role, String targetGroup, String description)
    implements Serializable {}
