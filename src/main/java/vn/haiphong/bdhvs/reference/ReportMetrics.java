package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

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

  public boolean isKnown(String code) {
    return !byCode(code).isEmpty();
  }
}
