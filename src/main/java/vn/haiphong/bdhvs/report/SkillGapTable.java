package vn.haiphong.bdhvs.report;

import java.util.List;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** Reported versus measured skill rates per ward, flagged wards first: what inspectors ask about. */
final class SkillGapTable {
  private SkillGapTable() {}

  static String html(List<ReportSource.SkillGap> gaps, IndicatorCatalog catalog, WardDirectory wards) {
    if (gaps.isEmpty()) {
      return "<p>Chưa có số liệu so sánh (thư mục cubes/skill_gaps chưa có dữ liệu của tháng).</p>\n";
    }
    long flagged = gaps.stream().filter(ReportSource.SkillGap::flagged).count();
    StringBuilder rows = new StringBuilder();
    for (ReportSource.SkillGap g : gaps) {
      String ward = wards.byCode(g.wardCode()).map(w -> w.name()).orElse(g.wardCode());
      String name = catalog.byCode(g.reportedIndicator()).map(i -> i.nameVi()).orElse(g.reportedIndicator());
      rows.append("<tr").append(g.flagged() ? " class=\"flagged\"" : "").append("><td>").append(HtmlText.escape(ward))
          .append("</td><td>").append(HtmlText.escape(name)).append("</td><td class=\"num\">")
          .append(VietNumber.withUnit(g.reported(), "percent")).append("</td><td class=\"num\">")
          .append(VietNumber.withUnit(g.measured(), "percent")).append("</td><td class=\"num\">")
          .append(g.gap() == null ? "—" : VietNumber.format(g.gap()) + " điểm").append("</td><td>")
          .append(g.flagged() ? "<b>Cần kiểm tra</b>" : "").append("</td></tr>\n");
    }
    return """
        <p>%d lượt xã, phường có tỷ lệ báo cáo vượt xa tỷ lệ đo trên nền tảng (đánh dấu, xếp trước).</p>
        <table class="gaps"><thead><tr><th>Xã, phường</th><th>Chỉ tiêu</th><th>Báo cáo</th><th>Đo trên nền tảng</th><th>Chênh lệch</th><th></th></tr></thead>
        <tbody>
        %s</tbody></table>
        """.formatted(flagged, rows);
  }
}
