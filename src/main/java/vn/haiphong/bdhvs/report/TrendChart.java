package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import vn.haiphong.bdhvs.reference.Indicator;

/**
 * One indicator's city-wide figures over the months of the cube as a small inline SVG: bars for
 * counts, a line for rates, ratios and speeds, the plan target as a dashed line; a y-axis with
 * its unit and a legend that names both marks.
 */
final class TrendChart {
  static final int WIDTH = 300;
  static final int HEIGHT = 150;
  private static final int LEFT = 50;
  private static final int RIGHT = 8;
  private static final int TOP = 22;
  private static final int BOTTOM = 20;

  private TrendChart() {}

  static String svg(Indicator indicator, NavigableMap<YearMonth, CubeRow> series) {
    String unit = indicator.unit();
    String title = indicator.nameVi() + (indicator.hasEstimatedDenominator() ? " (ước tính)" : "");
    List<YearMonth> months = new ArrayList<>(series.keySet());
    double max = unit.equals("percent") ? 100 : 0;
    for (CubeRow r : series.values()) {
      max = Math.max(max, r.value() == null ? 0 : r.value());
      max = Math.max(max, r.targetValue() == null ? 0 : r.targetValue());
    }
    max = niceCeiling(max);
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double bottom = TOP + plotH;
    double step = plotW / Math.max(1, months.size());
    StringBuilder marks = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < months.size(); i++) {
      CubeRow r = series.get(months.get(i));
      double cx = LEFT + step * (i + 0.5);
      if (r.value() == null) {
        continue;
      }
      double y = TOP + plotH * (1 - r.value() / max);
      String label = "Tháng " + monthLabel(months.get(i)) + ": " + ReportNumbers.withUnit(r.value(), unit);
      if (unit.equals("count")) {
        marks.append("<rect class=\"bar\" x=\"").append(SvgNumber.tenths(cx - step * 0.35)).append("\" y=\"").append(SvgNumber.tenths(y))
            .append("\" width=\"").append(SvgNumber.tenths(step * 0.7)).append("\" height=\"").append(SvgNumber.tenths(bottom - y))
            .append("\"><title>").append(label).append("</title></rect>");
      } else {
        line.append(line.isEmpty() ? "M" : " L").append(SvgNumber.tenths(cx)).append(' ').append(SvgNumber.tenths(y));
        marks.append("<circle class=\"dot\" cx=\"").append(SvgNumber.tenths(cx)).append("\" cy=\"").append(SvgNumber.tenths(y))
            .append("\" r=\"3\"><title>").append(label).append("</title></circle>");
      }
    }
    StringBuilder axis = new StringBuilder(String.format(Locale.ROOT,
        "<line class=\"base\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/><line class=\"base\" x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%.1f\"/>"
            + "<text class=\"axis unit\" x=\"%d\" y=\"12\" text-anchor=\"end\">%s</text>",
        LEFT, WIDTH - RIGHT, bottom, bottom, LEFT, LEFT, TOP, bottom, LEFT - 4, axisUnit(indicator)));
    for (double tick : new double[] {0, max / 2, max}) {
      double y = TOP + plotH * (1 - tick / max);
      String at = SvgNumber.tenths(y);
      axis.append("<line class=\"grid\" x1=\"").append(LEFT - 3).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y1=\"").append(at)
          .append("\" y2=\"").append(at).append("\"/><text class=\"axis\" x=\"").append(LEFT - 5).append("\" y=\"")
          .append(SvgNumber.tenths(y + 3.5)).append("\" text-anchor=\"end\">").append(ReportNumbers.format(tick)).append("</text>");
    }
    if (!months.isEmpty()) {
      axis.append(String.format(Locale.ROOT,
          "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text><text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
          LEFT, HEIGHT - 5, monthLabel(months.get(0)), WIDTH - RIGHT, HEIGHT - 5, monthLabel(months.get(months.size() - 1))));
    }
    Map.Entry<YearMonth, CubeRow> last = series.lastEntry();
    String target = "";
    String targetKey = "";
    if (last != null && last.getValue().targetValue() != null) {
      CubeRow r = last.getValue();
      double ty = TOP + plotH * (1 - r.targetValue() / max);
      String text = "Mục tiêu" + (r.targetYear() == null ? "" : " năm " + r.targetYear()) + ": "
          + ReportNumbers.withUnit(r.targetValue(), unit);
      target = String.format(Locale.ROOT, "<line class=\"target\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"><title>%s</title></line>",
          LEFT, WIDTH - RIGHT, ty, ty, text);
      targetKey = "<span class=\"key\"><i class=\"k-target\"></i>" + text + "</span>";
    }
    String latest = last == null ? "" : ReportNumbers.withUnit(last.getValue().value(), unit);
    String valueKey = "<span class=\"key\"><i class=\"" + (unit.equals("count") ? "k-bar" : "k-line") + "\"></i>Thực hiện</span>";
    return """
        <figure class="trend"><figcaption>%s</figcaption><svg viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">\
        %s%s<path class="line" d="%s"/>%s\
        <text class="latest" x="%d" y="13" text-anchor="end">%s</text></svg>\
        <div class="keys">%s%s</div></figure>
        """.formatted(HtmlText.escape(title), WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlText.escape(title), axis, target, line, marks,
        WIDTH - RIGHT, latest, valueKey, targetKey);
  }

  /** The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above {@code max}, so the ticks are round numbers. */
  static double niceCeiling(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= max) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  // What the y-axis counts: a percentage, a speed, persons or stations, or a ratio.
  private static String axisUnit(Indicator indicator) {
    return switch (indicator.unit()) {
      case "percent" -> "%";
      case "mbps" -> "Mbps";
      case "count" -> DeltaPhrase.countNoun(indicator.code()).orElse("số lượng");
      default -> "tỷ số";
    };
  }

  private static String monthLabel(YearMonth m) {
    return m.getMonthValue() + "/" + m.getYear();
  }
}
