package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;

/**
 * One indicator's city-wide figures over the months of the cube as a small inline SVG: bars for
 * counts, a line for rates, ratios and speeds, and the plan target as a dashed line.
 */
final class TrendChart {
  static final int WIDTH = 280;
  static final int HEIGHT = 130;
  private static final int LEFT = 8;
  private static final int RIGHT = 8;
  private static final int TOP = 18;
  private static final int BOTTOM = 20;

  private TrendChart() {}

  static String svg(String title, String unit, NavigableMap<YearMonth, CubeRow> series) {
    List<YearMonth> months = new ArrayList<>(series.keySet());
    double max = unit.equals("percent") ? 100 : 0;
    for (CubeRow r : series.values()) {
      max = Math.max(max, r.value() == null ? 0 : r.value());
      max = Math.max(max, r.targetValue() == null ? 0 : r.targetValue());
    }
    max = max == 0 ? 1 : max;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
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
      String label = months.get(i).getMonthValue() + "/" + months.get(i).getYear() + ": " + VietNumber.withUnit(r.value(), unit);
      if (unit.equals("count")) {
        marks.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"><title>%s</title></rect>",
            cx - step * 0.35, y, step * 0.7, TOP + plotH - y, label));
      } else {
        line.append(line.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", cx, y));
        marks.append(String.format(Locale.ROOT, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s</title></circle>", cx, y, label));
      }
    }
    Map.Entry<YearMonth, CubeRow> last = series.lastEntry();
    String target = "";
    if (last != null && last.getValue().targetValue() != null) {
      double ty = TOP + plotH * (1 - last.getValue().targetValue() / max);
      target = String.format(Locale.ROOT, "<line class=\"target\" x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"><title>Mục tiêu %s</title></line>",
          LEFT, WIDTH - RIGHT, ty, ty, VietNumber.withUnit(last.getValue().targetValue(), unit));
    }
    String latest = last == null ? "" : VietNumber.withUnit(last.getValue().value(), unit);
    String axis = months.isEmpty() ? "" : String.format(Locale.ROOT,
        "<text class=\"axis\" x=\"%d\" y=\"%d\">%s</text><text class=\"axis\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
        LEFT, HEIGHT - 5, monthLabel(months.get(0)), WIDTH - RIGHT, HEIGHT - 5, monthLabel(months.get(months.size() - 1)));
    return """
        <figure class="trend"><svg viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">\
        <line class="base" x1="%d" x2="%d" y1="%d" y2="%d"/>%s\
        <path class="line" d="%s"/>%s%s\
        <text class="latest" x="%d" y="13" text-anchor="end">%s</text></svg>\
        <figcaption>%s</figcaption></figure>
        """.formatted(WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlText.escape(title), LEFT, WIDTH - RIGHT, TOP + (int) plotH,
        TOP + (int) plotH, target, line, marks, axis, WIDTH - RIGHT, latest, HtmlText.escape(title));
  }

  private static String monthLabel(YearMonth m) {
    return m.getMonthValue() + "/" + m.getYear();
  }
}
