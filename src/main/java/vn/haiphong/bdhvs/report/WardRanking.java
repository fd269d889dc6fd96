package vn.haiphong.bdhvs.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** The top and bottom wards of a headline rate: where to learn from and where to help. */
final class WardRanking {
  static final int SIZE = 5;

  /** A ward's place among the wards that have a figure: 1 is the highest; equal figures share a place. */
  record Place(int position, int of) {}

  private WardRanking() {}

  /** The ward's place by the indicator's figure (higher is better, as for every headline figure); empty without its figure. */
  static java.util.Optional<Place> place(String indicatorCode, String wardCode, WardFigures figures) {
    Map<String, Double> values = figures.values(indicatorCode);
    Double own = values.get(wardCode);
    if (own == null) {
      return java.util.Optional.empty();
    }
    long above = values.values().stream().filter(v -> v > own).count();
    return java.util.Optional.of(new Place((int) above + 1, values.size()));
  }

  static String html(Indicator indicator, WardFigures figures, WardDirectory wards) {
    List<Map.Entry<String, Double>> ranked = figures.values(indicator.code()).entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .toList();
    if (ranked.isEmpty()) {
      return "<div class=\"ranking\"><h3>" + HtmlText.escape(indicator.nameVi()) + "</h3><p>Chưa có số liệu.</p></div>\n";
    }
    List<Map.Entry<String, Double>> top = ranked.subList(0, Math.min(SIZE, ranked.size()));
    List<Map.Entry<String, Double>> bottom = new ArrayList<>(ranked.subList(Math.max(0, ranked.size() - SIZE), ranked.size()));
    Collections.reverse(bottom);
    return "<div class=\"ranking\"><h3>" + HtmlText.escape(indicator.nameVi()) + "</h3>"
        + list("Cao nhất", top, indicator.unit(), wards) + list("Thấp nhất", bottom, indicator.unit(), wards) + "</div>\n";
  }

  private static String list(String heading, List<Map.Entry<String, Double>> entries, String unit, WardDirectory wards) {
    StringBuilder items = new StringBuilder();
    for (Map.Entry<String, Double> e : entries) {
      String name = wards.byCode(e.getKey()).map(w -> w.name()).orElse(e.getKey());
      items.append("<li>").append(HtmlText.escape(name)).append(" <b>").append(ReportNumbers.withUnit(e.getValue(), unit))
          .append("</b></li>");
    }
    return "<h4>" + heading + "</h4><ol>" + items + "</ol>";
  }
}
