package vn.haiphong.bdhvs.codes;

/**
 * A data-quality note on a record that is kept (docs/specification.md §2: unknown values are flagged, never
 * dropped). Staged tables carry them in their {@code quality_flags} column.
 */
public enum QualityFlag {
  WARD_EMPTY("ward_empty"),
  WARD_UNKNOWN("ward_unknown"),
  WARD_AMBIGUOUS_LEGACY("ward_ambiguous_legacy"),
  TARGET_GROUP_UNKNOWN("target_group_unknown"),
  COURSE_UNKNOWN("course_unknown"),
  UNIT_UNKNOWN("unit_unknown"),
  /** A report's count above its own total (a share's numerator above its denominator), as {@code count_above_total:<metric>}. */
  COUNT_ABOVE_TOTAL("count_above_total"),
  /** An optional value that could not be read; the column is null. Written as {@code bad_value:<column>}. */
  BAD_VALUE("bad_value");

  private final String code;

  QualityFlag(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
