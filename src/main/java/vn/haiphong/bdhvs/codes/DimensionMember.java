package vn.haiphong.bdhvs.codes;

/**
 * The members of the cubes' dimensions that are no ward, target group or operator of the reference
 * data: written in staged rows, cubes, plan targets and reports alike (docs/specification.md §3).
 */
public final class DimensionMember {
  /** Every member at once: the whole city, every target group, every operator (a rollup row). */
  public static final String ALL = "ALL";
  /** A ward field that named no ward (empty, unknown, or a legacy name several wards share): counted here and in ALL. */
  public static final String UNKNOWN = "UNKNOWN";

  private DimensionMember() {}
}
