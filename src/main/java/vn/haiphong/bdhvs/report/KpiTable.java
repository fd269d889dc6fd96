package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.cube.TargetProjection;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.PlanTargets;

/**
 * The KPI table of a scope (the city, or one ward against its own targets) in the shape of the plans' "Phụ lục I": STT, Chỉ tiêu, Mục tiêu 2025,
 * Mục tiêu 2026, Mục tiêu 2030, Thực hiện (with the change written as the reports write it), Trạng
 * thái. Its rows are computed once and shown by the page, the workbook and the document alike.
 */
final class KpiTable {
  /** The plans' horizon years the table shows a target for (docs/specification.md §5): the milestones and 2030. */
  static final List<Integer> TARGET_YEARS = List.of(2025, 2026, 2030);
  /** The header of each of {@link #TARGET_YEARS}, the same on the page, the sheet and the document. */
  static final List<String> TARGET_HEADERS = TARGET_YEARS.stream().map(y -> "Mục tiêu " + y).toList();
  /** Who is in charge of an indicator and where its figure comes from, as the plans' Phụ lục I has them. */
  static final List<String> UNIT_HEADERS = List.of("Đơn vị chủ trì", "Nguồn số liệu");

  /**
   * One indicator's line: its figure of the month, the scope's targets of {@link #TARGET_YEARS}
   * (null where the plans set none), the change phrase, and the projection (null without a target).
   */
  record Row(int stt, Indicator indicator, CubeRow figure, List<Double> targets, Optional<String> delta,
      boolean estimated, ReportSource.Projected projection, List<String> stricterNotes) {}

  private KpiTable() {}

  /**
   * The month's lines, in catalog order, of the indicators the scope ({@code wardCode}, or ALL for the
   * city) has a figure row for in {@code city}, its series.
   */
  static List<Row> rows(IndicatorCatalog catalog, PlanTargets targets, CitySeries city, YearMonth month,
      Map<String, ReportSource.Projected> projections, String wardCode) {
    List<Row> rows = new ArrayList<>();
    for (Indicator indicator : catalog.indicators()) {
      Optional<CubeRow> row = city.at(indicator.code(), month);
      if (row.isEmpty()) {
        continue;
      }
      CubeRow r = row.get();
      YearMonth earlier = DeltaPhrase.comparedWith(r.unit(), month);
      Double earlierValue = city.at(indicator.code(), earlier).map(CubeRow::value).orElse(null);
      List<Double> planned = TARGET_YEARS.stream().map(y -> target(targets, indicator, y, wardCode)).toList();
      List<String> notes = indicator.targetCode() == null ? List.of() : TARGET_YEARS.stream()
          .flatMap(y -> targets.disagreement(indicator.targetCode(), y, wardCode).stream())
          .map(d -> stricterNote(indicator, d)).toList();
      rows.add(new Row(rows.size() + 1, indicator, r, planned,
          DeltaPhrase.of(indicator.code(), r.unit(), r.value(), earlierValue, earlier), indicator.hasEstimatedDenominator(),
          r.targetValue() == null ? null : projections.get(indicator.code()), notes));
    }
    return rows;
  }

  static String html(List<Row> kpi) {
    StringBuilder rows = new StringBuilder();
    for (Row k : kpi) {
      CubeRow r = k.figure();
      rows.append("<tr><td class=\"num stt\" data-label=\"STT\">").append(k.stt()).append("</td><td class=\"name\">")
          .append(HtmlText.escape(k.indicator().nameVi())).append("</td>");
      for (int i = 0; i < TARGET_YEARS.size(); i++) {
        rows.append("<td class=\"num target\" data-label=\"").append(TARGET_HEADERS.get(i)).append("\">")
            .append(targetText(k, i)).append("</td>");
      }
      rows.append("<td class=\"num\" data-label=\"Thực hiện\" data-indicator=\"")
          .append(HtmlText.escape(k.indicator().code())).append("\">")
          .append(ReportNumbers.withUnit(r.value(), r.unit())).append(r.provisional() ? "<sup title=\"Số liệu tạm tính\">*</sup>" : "")
          .append(k.estimated() ? " <span class=\"estimate\">(ước tính)</span>" : "")
          .append(k.delta().map(p -> "<div class=\"delta\">" + HtmlText.escape(p) + "</div>").orElse(""))
          .append("</td><td data-label=\"Trạng thái\">").append(StatusLabel.of(r.status()).html())
          .append(k.projection() == null ? "" : "<div class=\"delta projection\">" + HtmlText.escape(k.projection().outcomeVi()) + "</div>")
          .append("</td><td data-label=\"").append(UNIT_HEADERS.get(0)).append("\">")
          .append(HtmlText.escape(k.indicator().leadUnit()))
          .append("</td><td data-label=\"").append(UNIT_HEADERS.get(1)).append("\">")
          .append(HtmlText.escape(reportedBy(k.indicator()))).append("</td></tr>\n");
    }
    return """
        <table class="kpi cards">
        <thead><tr><th>STT</th><th>Chỉ tiêu</th>%s<th>Thực hiện</th><th>Trạng thái</th><th>Đơn vị chủ trì</th><th>Nguồn số liệu</th></tr></thead>
        <tbody>
        %s</tbody>
        </table>
        <p class="note">%s
        %s
        %s</p>
        %s""".formatted(TARGET_HEADERS.stream().map(h -> "<th class=\"target\">" + h + "</th>").collect(Collectors.joining()),
            rows, PROVISIONAL_NOTE, ESTIMATE_NOTE, TargetProjection.METHOD, stricterNotesHtml(kpi));
  }

  /** Who reports an indicator's figure: its source, in words. */
  static String reportedBy(Indicator indicator) {
    return VietLabels.source(indicator.source());
  }

  /** Where two plans set different targets, the footnote that says which is in force and which is kept. */
  static String stricterNote(Indicator indicator, PlanTargets.Disagreement d) {
    String unit = indicator.unit();
    return "%s, năm %d: áp dụng mục tiêu cao hơn, %s (%s); %s để tham chiếu.".formatted(indicator.nameVi(),
        d.inForce().year(), ReportNumbers.withUnit(d.inForce().targetValue(), unit), d.inForce().plan().nameVi(),
        d.forReference().stream().map(t -> t.plan().nameVi() + " đặt " + ReportNumbers.withUnit(t.targetValue(), unit))
            .collect(Collectors.joining("; ")));
  }

  private static String stricterNotesHtml(List<Row> kpi) {
    List<String> notes = kpi.stream().flatMap(k -> k.stricterNotes().stream()).toList();
    return notes.isEmpty() ? "" : "<p class=\"note\">Các kế hoạch đặt mục tiêu khác nhau: "
        + notes.stream().map(HtmlText::escape).collect(Collectors.joining(" ")) + "</p>\n";
  }

  static final String PROVISIONAL_NOTE = "* Số liệu tạm tính: nguồn chưa gửi đủ số liệu của tháng hoặc báo cáo chưa đến hạn"
      + " (khi đó ô để trống, không ghi 0), còn đơn vị chưa nộp báo cáo của tháng, hoặc số liệu dựa trên báo cáo"
      + " chưa được Thành phố phê duyệt.";
  static final String ESTIMATE_NOTE = "(ước tính): tỷ lệ tính trên số dân ước tính của từng nhóm, chưa phải số thống kê chính thức.";

  /** The target of the {@code i}-th of {@link #TARGET_YEARS} as the plans write it: "≥" before a ratio; a dash when none. */
  static String targetText(Row row, int i) {
    Double t = row.targets().get(i);
    return t == null ? "—" : (row.indicator().unit().equals("ratio") ? "≥ " : "") + ReportNumbers.withUnit(t, row.indicator().unit());
  }

  // The scope's plan target of the indicator's target code for the year: a ward's own, else the city's.
  private static Double target(PlanTargets targets, Indicator indicator, int year, String wardCode) {
    if (indicator.targetCode() == null || indicator.targetCode().isBlank()) {
      return null;
    }
    return targets.target(indicator.targetCode(), year, wardCode).map(t -> t.targetValue()).orElse(null);
  }
}
