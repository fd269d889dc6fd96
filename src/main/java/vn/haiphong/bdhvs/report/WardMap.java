package vn.haiphong.bdhvs.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.haiphong.bdhvs.report.WardShapes.Shape;

/**
 * A choropleth of the 114 units as inline SVG: one {@code path data-ward="<code>"} per unit with a
 * {@code <title>} naming it and its figure (the browser's tooltip), five classes of one indicator,
 * the top and bottom ten numbered on the map and listed by name beside it, and a legend.
 */
final class WardMap {
  static final int WIDTH = 760;
  static final int HEIGHT = 560;
  static final int INSET = 140;
  static final String[] COLORS = {"#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"};
  static final String NO_DATA = "#d9d9d9";
  static final int LABELLED = 10;

  private WardMap() {}

  /** A numbered mark on the map: the rank among the top ({@code top}) or bottom ({@code bottom}) ten. */
  private record Badge(String kind, int rank) {}

  static String svg(WardShapes shapes, Map<String, Double> values, String unit, String indicatorName) {
    double[] breaks = breaks(values.values().stream().filter(Objects::nonNull).toList(), unit);
    List<String> ranked = values.entrySet().stream().filter(e -> e.getValue() != null)
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).toList();
    List<String> top = ranked.subList(0, Math.min(LABELLED, ranked.size()));
    List<String> bottom = new ArrayList<>(ranked.subList(Math.max(top.size(), ranked.size() - LABELLED), ranked.size()));
    Collections.reverse(bottom);
    Map<String, Badge> badges = new HashMap<>();
    for (int k = 0; k < top.size(); k++) {
      badges.put(top.get(k), new Badge("top", k + 1));
    }
    for (int k = 0; k < bottom.size(); k++) {
      badges.put(bottom.get(k), new Badge("bottom", k + 1));
    }
    List<Shape> remote = shapes.remote(0.1);
    List<Shape> mainland = shapes.shapes().stream().filter(s -> !remote.contains(s)).toList();
    StringBuilder paths = new StringBuilder();
    draw(paths, mainland, WardShapes.fit(mainland, WIDTH, HEIGHT, 12), values, unit, breaks, badges);
    StringBuilder inset = new StringBuilder();
    if (!remote.isEmpty()) {
      // Remote islands in a framed box at the top right, the open sea of the map, on their own (larger) scale.
      int x0 = WIDTH - INSET - 8;
      int y0 = 8;
      inset.append(String.format(Locale.ROOT, "<g class=\"inset\" transform=\"translate(%d %d)\">"
          + "<rect width=\"%d\" height=\"%d\"/><text x=\"4\" y=\"12\">%s</text><text x=\"4\" y=\"24\">%s</text>%n",
          x0, y0, INSET, INSET, HtmlText.escape(String.join(", ", remote.stream().map(Shape::name).toList())) + " (phóng to,",
          "khác tỷ lệ bản đồ)"));
      draw(inset, remote, WardShapes.fit(remote, INSET, INSET, 18), values, unit, breaks, badges);
      inset.append("</g>\n");
    }
    return """
        <figure class="map"><svg viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="Bản đồ %s theo xã, phường">
        <g class="units" fill-rule="evenodd">
        %s%s</g></svg>
        <figcaption>%s<div class="extremes">%s%s</div></figcaption></figure>
        """.formatted(WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlText.escape(indicatorName), paths, inset, legend(breaks, unit),
        extremes("cao nhất", "top", top, shapes, values, unit), extremes("thấp nhất", "bottom", bottom, shapes, values, unit));
  }

  // The units' paths, then the numbered badges of the top and bottom ten over them.
  private static void draw(StringBuilder out, List<Shape> these, MapProjection projection, Map<String, Double> values,
      String unit, double[] breaks, Map<String, Badge> badges) {
    StringBuilder marks = new StringBuilder();
    for (Shape shape : these) {
      Double value = values.get(shape.code());
      String title = HtmlText.escape(shape.name()) + ": " + ReportNumbers.withUnit(value, unit);
      out.append("<path data-ward=\"").append(HtmlText.escape(shape.code())).append("\" fill=\"")
          .append(color(value, breaks)).append("\" d=\"").append(pathData(shape.rings(), projection))
          .append("\"><title>").append(title).append("</title></path>\n");
      Badge badge = badges.get(shape.code());
      if (badge != null) {
        double[] c = centre(shape, projection);
        marks.append(String.format(Locale.ROOT, "<g class=\"badge %s\"><title>%s</title><circle cx=\"%.1f\" cy=\"%.1f\" r=\"7\"/>"
            + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text></g>%n",
            badge.kind(), title, c[0], c[1], c[0], c[1] + 3, badge.rank()));
      }
    }
    out.append(marks);
  }

  /** Where a unit's badge goes: the area centroid of its largest ring, projected. */
  static double[] centre(Shape shape, MapProjection projection) {
    double best = -1;
    double[] centre = {0, 0};
    for (List<double[]> ring : shape.rings()) {
      double area = 0;
      double cx = 0;
      double cy = 0;
      for (int i = 0; i < ring.size(); i++) {
        double x0 = projection.x(ring.get(i)[0]);
        double y0 = projection.y(ring.get(i)[1]);
        double x1 = projection.x(ring.get((i + 1) % ring.size())[0]);
        double y1 = projection.y(ring.get((i + 1) % ring.size())[1]);
        double cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
      if (Math.abs(area) > best && area != 0) {
        best = Math.abs(area);
        centre = new double[] {cx / (3 * area), cy / (3 * area)};
      }
    }
    return centre;
  }

  private static String extremes(String heading, String kind, List<String> codes, WardShapes shapes,
      Map<String, Double> values, String unit) {
    if (codes.isEmpty()) {
      return "";
    }
    StringBuilder items = new StringBuilder();
    for (String code : codes) {
      String name = shapes.shapes().stream().filter(s -> s.code().equals(code)).map(Shape::name).findFirst().orElse("Chưa xác định");
      items.append("<li>").append(HtmlText.escape(name)).append(" <b>").append(ReportNumbers.withUnit(values.get(code), unit))
          .append("</b></li>");
    }
    return "<div class=\"" + kind + "\"><h4>" + codes.size() + " xã, phường " + heading + "</h4><ol>" + items + "</ol></div>";
  }

  /** SVG path data of the rings: one closed subpath per ring, at 0.1 px. */
  static String pathData(List<List<double[]>> rings, MapProjection projection) {
    StringBuilder d = new StringBuilder();
    for (List<double[]> ring : rings) {
      for (int i = 0; i < ring.size(); i++) {
        double[] p = ring.get(i);
        d.append(i == 0 ? "M" : "L").append(SvgNumber.tenths(projection.x(p[0]))).append(' ')
            .append(SvgNumber.tenths(projection.y(p[1])));
      }
      d.append('Z');
    }
    return d.toString();
  }

  /** The four inner class bounds: fixed 20-point steps for percentages, equal intervals of the range otherwise. */
  static double[] breaks(List<Double> values, String unit) {
    if (unit.equals("percent")) {
      return new double[] {20, 40, 60, 80};
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double step = (max - min) / COLORS.length;
    return new double[] {min + step, min + 2 * step, min + 3 * step, min + 4 * step};
  }

  static String color(Double value, double[] breaks) {
    if (value == null) {
      return NO_DATA;
    }
    int k = 0;
    while (k < breaks.length && value >= breaks[k]) {
      k++;
    }
    return COLORS[k];
  }

  private static String legend(double[] breaks, String unit) {
    StringBuilder items = new StringBuilder();
    for (int k = 0; k < COLORS.length; k++) {
      String range = k == 0 ? "dưới " + ReportNumbers.withUnit(breaks[0], unit)
          : k == COLORS.length - 1 ? "từ " + ReportNumbers.withUnit(breaks[k - 1], unit) + " trở lên"
          : ReportNumbers.withUnit(breaks[k - 1], unit) + " – dưới " + ReportNumbers.withUnit(breaks[k], unit);
      items.append("<li><span class=\"swatch\" style=\"background:").append(COLORS[k]).append("\"></span>")
          .append(range).append("</li>");
    }
    items.append("<li><span class=\"swatch\" style=\"background:").append(NO_DATA).append("\"></span>Chưa có số liệu</li>");
    return "<ul class=\"legend\">" + items + "</ul>";
  }
}
