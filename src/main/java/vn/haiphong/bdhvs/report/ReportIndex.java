package vn.haiphong.bdhvs.report;

import java.text.Collator;
import java.time.YearMonth;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.Ward;

/**
 * {@code reports/<month>/index.html}: every ward's and department's report of the month in one
 * plain list, each ward with its figures' statuses counted in their colours, so an official sees
 * at a glance where to look; wards grouped by kind and sorted by name, found with the browser's own
 * search (the page has no script, like every report).
 */
final class ReportIndex {
  /** The statuses counted per ward, in the order read; figures without a target have nothing to count. */
  static final List<StatusLabel> COUNTED = List.of(StatusLabel.ACHIEVED, StatusLabel.ON_TRACK, StatusLabel.AT_RISK,
      StatusLabel.OFF_TRACK, StatusLabel.CHECK_DATA, StatusLabel.NO_DATA);

  private ReportIndex() {}

  /** How many of a ward's figures of the month have each of {@link #COUNTED}, by the cube's status. */
  static Map<StatusLabel, Integer> statusCounts(Collection<CubeRow> rows) {
    Map<StatusLabel, Integer> counts = new EnumMap<>(StatusLabel.class);
    COUNTED.forEach(s -> counts.put(s, 0));
    for (CubeRow r : rows) {
      StatusLabel s = StatusLabel.of(r.status());
      counts.computeIfPresent(s, (k, n) -> n + 1);
    }
    return counts;
  }

  static String html(YearMonth month, MonthlyFigures f, ScopeFigures s, ScopeReport.Reference ref, List<ReportingUnit> departments) {
    Collator vietnamese = Collator.getInstance(Locale.forLanguageTag("vi"));
    StringBuilder wards = new StringBuilder("<p class=\"note\">Tìm nhanh một xã, phường: dùng chức năng tìm trong trang"
        + " của trình duyệt (Ctrl+F; trên điện thoại: \"Tìm trong trang\").</p>\n");
    for (String type : List.of("phuong", "xa", "dac_khu")) {
      List<Ward> group = ref.wards().wards().stream().filter(w -> w.unitType().equals(type))
          .sorted(Comparator.comparing(Ward::name, vietnamese)).toList();
      if (group.isEmpty()) {
        continue;
      }
      StringBuilder rows = new StringBuilder();
      for (Ward w : group) {
        ReportScope scope = ReportScope.ward(w);
        long missing = ScopeReport.due(scope, f).stream().filter(d -> d.state() == UnitReporting.State.NOT_RECEIVED).count();
        rows.append("<tr><td class=\"name\"><a href=\"").append(link(scope, month)).append("\">")
            .append(HtmlText.escape(w.name())).append("</a></td><td class=\"counts\" data-label=\"Tình trạng các chỉ tiêu\">")
            .append(badges(statusCounts(f.wards().rows(w.code()))))
            .append("</td><td class=\"num\" data-label=\"Báo cáo chưa nộp\">").append(missing).append("</td></tr>\n");
      }
      wards.append("<h3>").append(VietLabels.WARD_TYPES.get(type)).append(" (").append(group.size()).append(")</h3>\n")
          .append("<table class=\"index cards\"><thead><tr><th>").append(VietLabels.WARD_TYPES.get(type))
          .append("</th><th>Tình trạng các chỉ tiêu</th><th>Báo cáo chưa nộp</th></tr></thead><tbody>\n")
          .append(rows).append("</tbody></table>\n");
    }
    StringBuilder units = new StringBuilder();
    for (ReportingUnit u : departments) {
      ReportScope scope = ReportScope.unit(u);
      List<UnitReporting.Due> due = ScopeReport.due(scope, f);
      units.append("<tr><td class=\"name\"><a href=\"").append(link(scope, month)).append("\">")
          .append(HtmlText.escape(u.name())).append("</a></td><td class=\"num\" data-label=\"Báo cáo phải nộp\">")
          .append(due.size()).append("</td><td class=\"num\" data-label=\"Chưa nộp\">")
          .append(due.stream().filter(d -> d.state() == UnitReporting.State.NOT_RECEIVED).count())
          .append("</td><td class=\"num\" data-label=\"Nộp muộn\">")
          .append(due.stream().filter(d -> d.state() == UnitReporting.State.LATE).count())
          .append("</td><td class=\"num\" data-label=\"Phát hiện về dữ liệu\">")
          .append(DataFindings.of(scope, f, s, ref).size()).append("</td></tr>\n");
    }
    String lead = "<p class=\"lead\"><a href=\"../" + ReportScope.city().page(month) + "\">Báo cáo toàn thành phố</a></p>";
    return Page.html("Danh sách báo cáo theo xã, phường và đơn vị — tháng "
        + String.format("%02d/%d", month.getMonthValue(), month.getYear()), lead, List.of(
        new Page.Section("wards", "I. Xã, phường, đặc khu", wards.toString()),
        new Page.Section("units", "II. Sở, ban, ngành",
            "<table class=\"index cards\"><thead><tr><th>Đơn vị</th><th>Báo cáo phải nộp</th><th>Chưa nộp</th><th>Nộp muộn</th>"
                + "<th>Phát hiện về dữ liệu</th></tr></thead><tbody>\n" + units + "</tbody></table>\n")));
  }

  // A page of the month's folder, relative to the index in it.
  private static String link(ReportScope scope, YearMonth month) {
    return scope.page(month).substring(ReportScope.folder(month).length() + 1);
  }

  // The non-zero counts as coloured badges ("Đạt 5"); a ward without any figure says so.
  private static String badges(Map<StatusLabel, Integer> counts) {
    StringBuilder html = new StringBuilder();
    counts.forEach((status, n) -> {
      if (n > 0) {
        html.append("<span class=\"status ").append(status.cssClass()).append("\">").append(status.vi).append(" ")
            .append(n).append("</span>");
      }
    });
    return html.isEmpty() ? "Chưa có số liệu" : html.toString();
  }
}
