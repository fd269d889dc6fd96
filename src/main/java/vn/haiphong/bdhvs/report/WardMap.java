package vn.haiphong.bdhvs.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import vn.haiphong.bdhvs.report.WardShapes.Shape;

/**
 * A choropleth of the 114 units as inline SVG: one {@code path data-ward="<code>"} per unit with a
 * {@code <title>} naming it and its figure, five classes of one indicator and a legend.
 */
final class WardMap {
  static final int WIDTH = 760;
  static final int HEIGHT = 560;
  static final int INSET = 130;
  static final String[] COLORS = {"#edf8e9", "#bae4b3", "#74c476", "#31a354", "#006d2c"};
  static final String NO_DATA = "#d9d9d9";

  private WardMap() {}

  static String svg(WardShapes shapes, Map<String, Double> values, String unit, String indicatorName) {
    double[] breaks = breaks(values.values().stream().filter(Objects::nonNull).toList(), unit);
    List<Shape> remote = shapes.remote(0.1);
    List<Shape> mainland = shapes.shapes().stream().filter(s -> !remote.contains(s)).toList();
    StringBuilder paths = new StringBuilder();
    paths(paths, mainland, WardShapes.fit(mainland, WIDTH, HEIGHT, 12), values, unit, breaks);
    StringBuilder inset = new StringBuilder();
    if (!remote.isEmpty()) {
      // Remote islands in a framed box at the top right, the open sea of the map, on their own (larger) scale.
      int x0 = WIDTH - INSET - 8;
      int y0 = 8;
      inset.append(String.format(Locale.ROOT, "<g class=\"inset\" transform=\"translate(%d %d)\">"
          + "<rect width=\"%d\" height=\"%d\"/><text x=\"4\" y=\"12\">%s</text>%n", x0, y0, INSET, INSET,
          HtmlText.escape(String.join(", ", remote.stream().map(Shape::name).toList()) + " (tỷ lệ khác)")));
      paths(inset, remote, WardShapes.fit(remote, INSET, INSET, 18), values, unit, breaks);
      inset.append("</g>\n");
    }
    return """
        <figure class="map"><svg viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="Bản đồ %s theo xã, phường">
        <g class="units" fill-rule="evenodd">
        %s%s</g></svg>
        %s</figure>
        """.formatted(WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlText.escape(indicatorName), paths, inset, legend(breaks, unit));
  }

  private static void paths(StringBuilder out, List<Shape> these, MapProjection projection, Map<String, Double> values,
      String unit, double[] breaks) {
    for (Shape shape : these) {
      Double value = values.get(shape.code());
      out.append("<path data-ward=\"").append(HtmlText.escape(shape.code())).append("\" fill=\"")
          .append(color(value, breaks)).append("\" d=\"").append(pathData(shape.rings(), projection))
          .append("\"><title>").append(HtmlText.escape(shape.name())).append(": ")
          .append(VietNumber.withUnit(value, unit)).append("</title></path>\n");
    }
  }

  /** SVG path data of the rings: one closed subpath per ring, at 0.1 px. */
  static String pathData(List<List<double[]>> rings, MapProjection projection) {
    StringBuilder d = new StringBuilder();
    for (List<double[]> ring : rings) {
      for (int i = 0; i < ring.size(); i++) {
        double[] p = ring.get(i);
        d.append(i == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", projection.x(p[0]), projection.y(p[1])));
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
      String range = k == 0 ? "dưới " + VietNumber.withUnit(breaks[0], unit)
          : k == COLORS.length - 1 ? "từ " + VietNumber.withUnit(breaks[k - 1], unit) + " trở lên"
          : VietNumber.withUnit(breaks[k - 1], unit) + " – dưới " + VietNumber.withUnit(breaks[k], unit);
      items.append("<li><span class=\"swatch\" style=\"background:").append(COLORS[k]).append("\"></span>")
          .append(range).append("</li>");
    }
    items.append("<li><span class=\"swatch\" style=\"background:").append(NO_DATA).append("\"></span>Chưa có số liệu</li>");
    return "<figcaption><ul class=\"legend\">" + items + "</ul></figcaption>";
  }
}
