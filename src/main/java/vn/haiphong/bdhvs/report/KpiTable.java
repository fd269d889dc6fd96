package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.PlanTargets;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The city-wide KPI table in the shape of the plans' "Phụ lục I": STT, Chỉ tiêu, Mục tiêu 2025,
 * Mục tiêu 2026, Thực hiện (with the change written as the reports write it), Trạng thái.
 */
final class KpiTable {
  private KpiTable() {}

  static String html(IndicatorCatalog catalog, PlanTargets targets, CitySeries city, YearMonth month) {
    StringBuilder rows = new StringBuilder();
    int stt = 0;
    for (Indicator indicator : catalog.indicators()) {
      Optional<CubeRow> row = city.at(indicator.code(), month);
      if (row.isEmpty()) {
        continue;
      }
      CubeRow r = row.get();
      YearMonth earlier = DeltaPhrase.comparedWith(r.unit(), month);
      Double earlierValue = city.at(indicator.code(), earlier).map(CubeRow::value).orElse(null);
      String delta = DeltaPhrase.of(indicator.code(), r.unit(), r.value(), earlierValue, earlier)
          .map(p -> "<div class=\"delta\">" + HtmlText.escape(p) + "</div>").orElse("");
      rows.append("<tr><td class=\"num stt\" data-label=\"STT\">").append(++stt).append("</td><td class=\"name\">")
          .append(HtmlText.escape(indicator.nameVi())).append("</td><td class=\"num\" data-label=\"Mục tiêu 2025\">")
          .append(target(targets, indicator, 2025)).append("</td><td class=\"num\" data-label=\"Mục tiêu 2026\">")
          .append(target(targets, indicator, 2026)).append("</td><td class=\"num\" data-label=\"Thực hiện\" data-indicator=\"")
          .append(HtmlText.escape(indicator.code())).append("\">")
          .append(VietNumber.withUnit(r.value(), r.unit())).append(r.provisional() ? "<sup title=\"Số liệu tạm tính\">*</sup>" : "")
          .append(estimated(indicator) ? " <span class=\"estimate\">(ước tính)</span>" : "")
          .append(delta).append("</td><td data-label=\"Trạng thái\">").append(StatusLabel.of(r.status()).html())
          .append(projection(city, r, month)).append("</td></tr>\n");
    }
    return """
        <table class="kpi cards">
        <thead><tr><th>STT</th><th>Chỉ tiêu</th><th>Mục tiêu 2025</th><th>Mục tiêu 2026</th><th>Thực hiện</th><th>Trạng thái</th></tr></thead>
        <tbody>
        %s</tbody>
        </table>
        <p class="note">* Số liệu tạm tính: nguồn chưa gửi đủ số liệu của tháng hoặc báo cáo chưa đến hạn (khi đó ô để
        trống, không ghi 0), hoặc còn đơn vị chưa nộp báo cáo của tháng.
        (ước tính): tỷ lệ tính trên số dân ước tính của từng nhóm, chưa phải số thống kê chính thức.
        %s</p>
        """.formatted(rows, TargetProjection.METHOD);
  }

  /** A measured rate divides by an estimated population (reference/population_denominators.csv). */
  static boolean estimated(Indicator indicator) {
    return indicator.denominator() != null && indicator.denominator().contains("population denominators");
  }

  // When the figure meets its target year's target at its recent pace; nothing for an indicator without a target.
  private static String projection(CitySeries city, CubeRow row, YearMonth month) {
    if (row.targetValue() == null || row.targetYear() == null) {
      return "";
    }
    NavigableMap<YearMonth, Double> values = new TreeMap<>();
    city.upTo(row.indicatorCode(), month).forEach((m, r) -> values.put(m, r.value()));
    return "<div class=\"delta projection\">"
        + TargetProjection.project(values, row.targetValue(), row.targetYear()).vi() + "</div>";
  }

  // The city's plan target of the indicator's target code for the year, as the plans write it.
  private static String target(PlanTargets targets, Indicator indicator, int year) {
    if (indicator.targetCode() == null || indicator.targetCode().isBlank()) {
      return "—";
    }
    return targets.target(indicator.targetCode(), year, WardDirectory.ALL)
        .map(t -> (indicator.unit().equals("ratio") ? "≥ " : "") + VietNumber.withUnit(t.targetValue(), indicator.unit()))
        .orElse("—");
  }
}
