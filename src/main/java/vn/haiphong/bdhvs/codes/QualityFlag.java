package vn.haiphong.bdhvs.codes;

/**
 * A data-quality note on a record that is kept (docs/specification.md §2: unknown values are flagged, never
 * dropped). Staged tables carry them in their {@code quality_flags} column.
 */
public enum QualityFlag {
  WARD_EMPTY("ward_empty", "no ward given, counted under UNKNOWN"),
  WARD_UNKNOWN("ward_unknown", "a ward matching no ward of reference/wards.csv, counted under UNKNOWN"),
  WARD_AMBIGUOUS_LEGACY("ward_ambiguous_legacy", "a pre-2025 ward name several current wards share, counted under UNKNOWN"),
  TARGET_GROUP_UNKNOWN("target_group_unknown", "a target group matching no label, counted as residents"),
  COURSE_UNKNOWN("course_unknown", "a class or course not in the course catalog in force"),
  UNIT_UNKNOWN("unit_unknown", "a reporting unit not in reference/reporting_units.csv"),
  /** A report's count above its own total (a share's numerator above its denominator), as {@code count_above_total:<metric>}. */
  COUNT_ABOVE_TOTAL("count_above_total", "a count above its own total in the same report (written count_above_total:<metric>)"),
  /** An optional value that could not be read; the column is null. Written as {@code bad_value:<column>}. */
  BAD_VALUE("bad_value", "an optional value that could not be read, the column left null (written bad_value:<column>)");

  private final String code;
  private final String meaning;

  QualityFlag(String code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public String code() {
    return code;
  }

  /** What the flag says, for the data dictionary and the warehouse's column comments. */
  public String meaning() {
    return meaning;
  }

  /** The flag of {@code code}; an unknown code is an error (a contract naming a flag no parser writes). */
  public static QualityFlag of(String code) {
    for (QualityFlag f : values()) {
      if (f.code.equals(code)) {
        return f;
      }
    }
    throw new IllegalArgumentException("no quality flag '" + code + "'");
  }
}
