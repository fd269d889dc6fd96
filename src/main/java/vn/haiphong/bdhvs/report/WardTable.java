package vn.haiphong.bdhvs.report;

import java.util.List;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.Ward;

/** The 114 wards × a few key indicators, compact, with each figure's status as its colour. */
final class WardTable {
  private WardTable() {}

  static String html(List<Ward> wards, List<Indicator> key, WardFigures figures) {
    StringBuilder head = new StringBuilder("<tr><th>STT</th><th>Mã</th><th>Xã, phường, đặc khu</th>");
    key.forEach(i -> head.append("<th>").append(label(i)).append("</th>"));
    head.append("</tr>");
    StringBuilder rows = new StringBuilder();
    int stt = 0;
    for (Ward ward : wards) {
      rows.append("<tr><td class=\"num stt\" data-label=\"STT\">").append(++stt).append("</td><td class=\"code\" data-label=\"Mã\">")
          .append(ward.code()).append("</td><td class=\"name\">").append(HtmlText.escape(ward.name())).append("</td>");
      for (Indicator i : key) {
        CubeRow row = figures.at(ward.code(), i.code());
        String css = row == null ? "" : " " + StatusLabel.of(row.status()).cssClass();
        rows.append("<td class=\"num").append(css).append("\" data-label=\"").append(label(i)).append("\">")
            .append(row == null ? "—" : ReportNumbers.withUnit(row.value(), row.unit())).append("</td>");
      }
      rows.append("</tr>\n");
    }
    return "<table class=\"wards cards\"><thead>" + head + "</thead><tbody>\n" + rows + "</tbody></table>\n";
  }

  private static String label(Indicator i) {
    return HtmlText.escape(header(i));
  }

  /** A column's heading as text: the indicator's name, marked when it divides by an estimated population. */
  static String header(Indicator i) {
    return i.nameVi() + (i.hasEstimatedDenominator() ? " (ước tính)" : "");
  }
}
