package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code reference/reporting_units.csv}: who must report, where, and how often. */
public final class ReportingUnits implements Serializable {

  static final Set<String> KINDS = Set.of("department", "ward", "school");
  static final Set<String> PERIOD_TYPES = Set.of("month", "quarter", "half", "year");

  private final Map<String, ReportingUnit> byCode;

  private ReportingUnits(Map<String, ReportingUnit> byCode) {
    this.byCode = byCode;
  }

  public static ReportingUnits load(WardDirectory wards) {
    Map<String, ReportingUnit> units = new LinkedHashMap<>();
    for (ReferenceTable.Row row : ReferenceTable.load("reporting_units").rows()) {
      if (!KINDS.contains(row.text("kind"))) {
        throw row.error("kind", "one of " + KINDS);
      }
      String ward = row.text("ward_code");
      if (ward == null ? !row.text("kind").equals("department") : wards.byCode(ward).isEmpty()) {
        throw row.error("ward_code", "one of the 114 ward codes (empty only for a department)");
      }
      List<String> periods = Arrays.asList(row.text("expected_period_types").split("\\|"));
      if (!PERIOD_TYPES.containsAll(periods)) {
        throw row.error("expected_period_types", "period types from " + PERIOD_TYPES + " separated by '|'");
      }
      units.put(key(row.text("unit_code")), new ReportingUnit(row.text("unit_code"), row.text("name"),
          row.text("kind"), ward, periods));
    }
    return new ReportingUnits(units);
  }

  public List<ReportingUnit> units() {
    return List.copyOf(byCode.values());
  }

  /** Case-insensitive and trimmed: forms are filled in by hand. */
  public Optional<ReportingUnit> byCode(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(key(code)));
  }

  /** The period types a unit must report; empty for a unit not in the list. */
  public List<String> expectedPeriodTypes(String unitCode) {
    return byCode(unitCode).map(ReportingUnit::expectedPeriodTypes).orElse(List.of());
  }

  private static String key(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
