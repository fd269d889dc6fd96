package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.PlanTargets;
import vn.haiphong.bdhvs.reference.ReferenceTable;
import vn.haiphong.bdhvs.reference.ReportMetric;
import vn.haiphong.bdhvs.reference.ReportMetrics;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The report of one ward or one reporting unit, a page in the month's folder built from the city
 * report's parts (the KPI table, the trend charts, the reporting table, the findings) over the
 * scope's own rows, all already in memory: rendering a page reads nothing.
 */
final class ScopeReport {
  /** The reference data the pages name things by: indicators, targets, wards, units, report metrics and validation rules. */
  record Reference(IndicatorCatalog catalog, PlanTargets targets, WardDirectory wards, ReportingUnits units,
      Map<String, String> metrics, Map<String, String> rules) {

    static Reference load(IndicatorCatalog catalog, PlanTargets targets, WardDirectory wards, ReportingUnits units) {
      Map<String, String> metrics = new LinkedHashMap<>();
      for (ReportMetric m : ReportMetrics.load().metrics()) {
        metrics.putIfAbsent(m.code(), m.description());
      }
      Map<String, String> rules = new LinkedHashMap<>();
      ReferenceTable.load("validation_rules").rows().forEach(r -> rules.put(r.text("rule_id"), r.text("description_vi")));
      return new Reference(catalog, targets, wards, units, metrics, rules);
    }

    /** A report metric's description, the words of the form a unit fills in. */
    String metric(String code) {
      return metrics.getOrDefault(code, "Chỉ số khác");
    }
  }

  private ScopeReport() {}

  /** A ward's page: its KPI table against its own targets, its place among the wards, its trends, its units' reports, its findings. */
  static String ward(ReportContents c, Ward ward, MonthlyFigures f, ScopeFigures s) {
    YearMonth month = f.month();
    CitySeries series = s.ward(ward.code());
    StringBuilder trends = new StringBuilder();
    for (Indicator i : c.kpi().map(k -> k.rows().stream().map(KpiTable.Row::indicator).toList()).orElse(List.of())) {
      trends.append(TrendChart.svg(i, series.upTo(i.code(), month)));
    }
    List<KpiTable.Row> kpi = c.kpi().map(ReportContents.Kpi::rows).orElse(List.of());
    return Page.html(c.title(), lead(c, month), List.of(
        new Page.Section("kpi", "I. " + HtmlText.escape(c.kpi().map(ReportContents.Kpi::heading).orElse("")),
            kpi.isEmpty() ? "<p>Chưa có số liệu.</p>\n" : KpiTable.html(kpi)),
        new Page.Section("rank", "II. " + HtmlText.escape(c.places().map(ReportContents.Places::heading).orElse("")),
            places(c.places().map(ReportContents.Places::rows).orElse(List.of()))),
        new Page.Section("trends", "III. Diễn biến theo tháng",
            trends.isEmpty() ? "<p>Chưa có số liệu.</p>\n" : "<div class=\"trends\">\n" + trends + "</div>\n"),
        new Page.Section("reporting", "IV. " + c.reporting().heading(), UnitReporting.html(c.reporting().due())),
        new Page.Section("findings", "V. Phát hiện về dữ liệu", DataFindings.html(c.findings()))));
  }

  /** A unit's page: the figures of its current reports due in the month, whether they came, and its findings. */
  static String unit(ReportContents c, YearMonth month) {
    return Page.html(c.title(), lead(c, month), List.of(
        new Page.Section("figures", "I. Số liệu đơn vị báo cáo", reported(c.reported().orElse(List.of()))),
        new Page.Section("reporting", "II. " + c.reporting().heading(), UnitReporting.html(c.reporting().due())),
        new Page.Section("findings", "III. Phát hiện về dữ liệu", DataFindings.html(c.findings()))));
  }

  static String title(String scopeName, YearMonth month) {
    return "Báo cáo kết quả thực hiện phong trào Bình dân học vụ số — " + scopeName + " — tháng "
        + String.format("%02d/%d", month.getMonthValue(), month.getYear());
  }

  /** The reports due in the month from the scope's units, as the city report orders them. */
  static List<UnitReporting.Due> due(ReportScope scope, MonthlyFigures f) {
    return f.reporting().stream().filter(d -> scope.covers(d.unit())).toList();
  }

  // Links up from a page of the month's folder (reports/<month>/<kind>/<code>.html), and to its workbook and document beside it.
  private static String lead(ReportContents c, YearMonth month) {
    String file = c.scope().code();
    return "<p class=\"lead\"><a href=\"../index.html\">Danh sách báo cáo xã, phường và đơn vị</a>"
        + "<a href=\"../../" + ReportScope.city().page(month) + "\">Báo cáo toàn thành phố</a>"
        + "<a href=\"" + file + ".xlsx\">Bảng tính (.xlsx)</a><a href=\"" + file + ".docx\">Văn bản (.docx)</a></p>";
  }

  // Each ward-table indicator: the ward's figure and its place, "12/114".
  private static String places(List<ReportContents.Place> places) {
    StringBuilder rows = new StringBuilder();
    for (ReportContents.Place p : places) {
      rows.append("<tr><td class=\"name\">").append(HtmlText.escape(WardTable.header(p.indicator())))
          .append("</td><td class=\"num\" data-label=\"Thực hiện\">")
          .append(p.figure() == null ? "—" : ReportNumbers.withUnit(p.figure().value(), p.figure().unit()))
          .append("</td><td class=\"num\" data-label=\"Xếp hạng\">").append(placeText(p))
          .append("</td></tr>\n");
    }
    return "<table class=\"places cards\"><thead><tr><th>Chỉ tiêu</th><th>Thực hiện</th><th>Xếp hạng</th></tr></thead><tbody>\n"
        + rows + "</tbody></table>\n<p class=\"note\">" + PLACES_NOTE + "</p>\n";
  }

  static final String PLACES_NOTE = "Xếp hạng 1 là cao nhất trong các xã, phường có số liệu; bằng số liệu thì cùng hạng.";

  /** A ward's place as the reports write it, "12/114"; a dash without its figure. */
  static String placeText(ReportContents.Place p) {
    return p.place().map(x -> x.position() + "/" + x.of()).orElse("—");
  }

  // The unit's current reports of the periods due, metric by metric in the form's order.
  private static String reported(List<ReportContents.Reported> figures) {
    if (figures.isEmpty()) {
      return "<p>" + NOTHING_REPORTED + "</p>\n";
    }
    StringBuilder rows = new StringBuilder();
    for (ReportContents.Reported r : figures) {
      rows.append("<tr><td class=\"name\">").append(HtmlText.escape(r.metric()))
          .append("</td><td data-label=\"Kỳ báo cáo\">").append(HtmlText.escape(r.period()))
          .append("</td><td class=\"num\" data-label=\"Số liệu\">")
          .append(r.value() == null ? "—" : ReportNumbers.format(r.value())).append("</td></tr>\n");
    }
    return "<table class=\"reported cards\"><thead><tr><th>Chỉ số</th><th>Kỳ báo cáo</th><th>Số liệu</th></tr></thead><tbody>\n"
        + rows + "</tbody></table>\n";
  }

  static final String NOTHING_REPORTED = "Chưa có báo cáo nào của đơn vị cho các kỳ phải nộp trong tháng.";
}
