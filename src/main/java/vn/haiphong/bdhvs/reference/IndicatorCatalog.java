package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code reference/indicators.csv}: the one definition of every indicator, read by the cube job,
 * the DuckDB comments and the monthly report.
 */
public final class IndicatorCatalog implements Serializable {
  private static final Set<String> UNITS = Set.of("percent", "count", "mbps", "ratio");
  private static final Set<String> BREAKDOWNS =
      Set.of(Indicator.BY_WARD_AND_GROUP, Indicator.BY_WARD, Indicator.CITY_ONLY);
  private static final Set<String> BASES = Set.of("measured", "reported");

  private final List<Indicator> indicators;

  private IndicatorCatalog(List<Indicator> indicators) {
    this.indicators = List.copyOf(indicators);
  }

  public static IndicatorCatalog load() {
    return new IndicatorCatalog(ReferenceTable.load("indicators").rows().stream().map(row -> {
      if (!UNITS.contains(row.text("unit"))) {
        throw row.error("unit", "one of " + UNITS);
      }
      if (!BREAKDOWNS.contains(row.text("breakdown"))) {
        throw row.error("breakdown", "one of " + BREAKDOWNS);
      }
      if (!BASES.contains(row.text("basis"))) {
        throw row.error("basis", "one of " + BASES);
      }
      return new Indicator(row.text("code"), row.text("name_vi"), row.text("definition_vi"),
          row.text("unit"), row.text("numerator"), row.text("denominator"), row.text("source"),
          row.text("plan"), row.text("breakdown"), row.text("basis"), row.text("target_code"), row.text("facts"),
          row.text("numerator_sql"), row.text("denominator_sql"), row.text("lead_unit"));
    }).toList());
  }

  public List<Indicator> indicators() {
    return indicators;
  }

  public Optional<Indicator> byCode(String code) {
    return indicators.stream().filter(i -> i.code().equals(code)).findFirst();
  }
}
