package vn.haiphong.bdhvs.report;

import java.util.List;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The wards whose reported skill rate exceeds the measured one by a wide margin: what inspectors ask
 * about. Only those: every ward × rate (some 700 rows) made the page unreadable.
 */
final class SkillGapTable {
  private SkillGapTable() {}

  static String html(List<ReportSource.SkillGap> gaps, IndicatorCatalog catalog, WardDirectory wards) {
    if (gaps.isEmpty()) {
      return "<p>Chưa có số liệu so sánh của tháng.</p>\n";
    }
    List<ReportSource.SkillGap> flagged = gaps.stream().filter(ReportSource.SkillGap::flagged).toList();
    String others = "<p>" + ReportNumbers.format(gaps.size() - flagged.size())
        + " lượt so sánh khác có chênh lệch trong ngưỡng cho phép.</p>\n";
    if (flagged.isEmpty()) {
      return "<p>Không có xã, phường nào có tỷ lệ báo cáo vượt xa tỷ lệ đo trên nền tảng.</p>\n" + others;
    }
    StringBuilder rows = new StringBuilder();
    for (ReportSource.SkillGap g : flagged) {
      String ward = wards.byCode(g.wardCode()).map(w -> w.name()).orElse("Chưa xác định");
      String name = catalog.byCode(g.reportedIndicator()).map(i -> i.nameVi()).orElse("Chỉ tiêu khác");
      rows.append("<tr class=\"flagged\"><td data-label=\"Xã, phường\">").append(HtmlText.escape(ward))
          .append("</td><td data-label=\"Chỉ tiêu\">").append(HtmlText.escape(name))
          .append("</td><td class=\"num\" data-label=\"Báo cáo\">").append(ReportNumbers.withUnit(g.reported(), "percent"))
          .append("</td><td class=\"num\" data-label=\"Đo trên nền tảng\">").append(ReportNumbers.withUnit(g.measured(), "percent"))
          .append("</td><td class=\"num\" data-label=\"Chênh lệch\">")
          .append(g.gap() == null ? "—" : ReportNumbers.format(g.gap()) + " điểm").append("</td></tr>\n");
    }
    return """
        <p>%s lượt xã, phường có tỷ lệ báo cáo vượt xa tỷ lệ đo trên nền tảng, cần kiểm tra:</p>
        <table class="gaps cards"><thead><tr><th>Xã, phường</th><th>Chỉ tiêu</th><th>Báo cáo</th><th>Đo trên nền tảng</th><th>Chênh lệch</th></tr></thead>
        <tbody>
        %s</tbody></table>
        %s""".formatted(ReportNumbers.format(flagged.size()), rows, others);
  }
}
