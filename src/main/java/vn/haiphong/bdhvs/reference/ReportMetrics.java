package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** {@code reference/report_metrics.csv}. A metric may feed several rates (adults_total is the denominator of two). */
public final class ReportMetrics implements Serializable {

  private final List<ReportMetric> metrics;

  private ReportMetrics(List<ReportMetric> metrics) {
    this.metrics = List.copyOf(metrics);
  }

  public static ReportMetrics load() {
    return new ReportMetrics(ReferenceTable.load("report_metrics").rows().stream().map(row -> {
      if (!row.text("role").equals("numerator") && !row.text("role").equals("denominator")) {
        throw row.error("role", "numerator or denominator");
      }
      String group = row.text("target_group") == null ? null : TargetGroup.inRow(row, "target_group").code();
      return new ReportMetric(row.text("code"), row.text("indicator"), row.text("role"), group, row.text("description"));
    }).toList());
  }

  public List<ReportMetric> metrics() {
    return metrics;
  }

  /** Every row for a metric code (case-insensitive); empty when units wrote a code nobody defined. */
  public List<ReportMetric> byCode(String code) {
    String key = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
    return metrics.stream().filter(m -> m.code().equals(key)).toList();
  }

  public List<ReportMetric> forIndicator(String indicator) {
    return metrics.stream().filter(m -> m.indicator().equals(indicator)).toList();
  }

  /**
   * For each numerator of a share (an indicator in percent), the denominators of that share: the
   * totals a count can never exceed. A ratio's numerator (mentees per mentor) is not bounded so.
   */
  public Map<String, Set<String>> totalsOfShares(IndicatorCatalog indicators) {
    Map<String, Set<String>> totals = new TreeMap<>();
    for (ReportMetric numerator : metrics) {
      boolean share = indicators.byCode(numerator.indicator()).map(i -> i.unit().equals("percent")).orElse(false);
      if (numerator.role().equals("numerator") && share) {
        forIndicator(numerator.indicator()).stream().filter(m -> m.role().equals("denominator"))
            .forEach(d -> totals.computeIfAbsent(numerator.code(), c -> new TreeSet<>()).add(d.code()));
      }
    }
    return totals;
  }

  public boolean isKnown(String code) {
    return !byCode(code).isEmpty();
  }
}
