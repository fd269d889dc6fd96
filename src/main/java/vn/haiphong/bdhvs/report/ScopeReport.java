package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.ArrayList;
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
  static String ward(Ward ward, MonthlyFigures f, ScopeFigures s, Reference ref) {
    ReportScope scope = ReportScope.ward(ward);
    YearMonth month = f.month();
    CitySeries series = s.ward(ward.code());
    List<KpiTable.Row> kpi = KpiTable.rows(ref.catalog(), ref.targets(), series, month, s.projections(ward.code()), ward.code());
    StringBuilder trends = new StringBuilder();
    for (Indicator i : ref.catalog().indicators()) {
      if (series.at(i.code(), month).isPresent()) {
        trends.append(TrendChart.svg(i, series.upTo(i.code(), month)));
      }
    }
    String name = HtmlText.escape(VietLabels.unitTypeName(ward));
    return Page.html(title(VietLabels.unitTypeName(ward), month), lead(month), List.of(
        new Page.Section("kpi", "I. Kết quả thực hiện các chỉ tiêu của " + name,
            kpi.isEmpty() ? "<p>Chưa có số liệu.</p>\n" : KpiTable.html(kpi)),
        new Page.Section("rank", "II. Xếp hạng trong " + ref.wards().wards().size() + " xã, phường, đặc khu",
            places(ward.code(), MonthlyReport.wardColumns(ref.catalog()), f.wards())),
        new Page.Section("trends", "III. Diễn biến theo tháng",
            trends.isEmpty() ? "<p>Chưa có số liệu.</p>\n" : "<div class=\"trends\">\n" + trends + "</div>\n"),
        new Page.Section("reporting", "IV. Tình hình báo cáo của các đơn vị trên địa bàn",
            UnitReporting.html(due(scope, f))),
        new Page.Section("findings", "V. Phát hiện về dữ liệu", DataFindings.html(DataFindings.of(scope, f, s, ref)))));
  }

  /** A unit's page: the figures of its current reports due in the month, whether they came, and its findings. */
  static String unit(ReportScope scope, MonthlyFigures f, ScopeFigures s, Reference ref) {
    return Page.html(title(scope.name(), f.month()), lead(f.month()), List.of(
        new Page.Section("figures", "I. Số liệu đơn vị báo cáo", reported(scope, s, ref)),
        new Page.Section("reporting", "II. Tình hình báo cáo", UnitReporting.html(due(scope, f))),
        new Page.Section("findings", "III. Phát hiện về dữ liệu", DataFindings.html(DataFindings.of(scope, f, s, ref)))));
  }

  static String title(String scopeName, YearMonth month) {
    return "Báo cáo kết quả thực hiện phong trào Bình dân học vụ số — " + scopeName + " — tháng "
        + String.format("%02d/%d", month.getMonthValue(), month.getYear());
  }

  /** The reports due in the month from the scope's units, as the city report orders them. */
  static List<UnitReporting.Due> due(ReportScope scope, MonthlyFigures f) {
    return f.reporting().stream().filter(d -> scope.covers(d.unit())).toList();
  }

  // Links up from a page of the month's folder (reports/<month>/<kind>/<code>.html).
  private static String lead(YearMonth month) {
    return "<p class=\"lead\"><a href=\"../index.html\">Danh sách báo cáo xã, phường và đơn vị</a>"
        + "<a href=\"../../" + ReportScope.city().page(month) + "\">Báo cáo toàn thành phố</a></p>";
  }

  // Each ward-table indicator: the ward's figure and its place, "12/114".
  private static String places(String wardCode, List<Indicator> indicators, WardFigures wards) {
    StringBuilder rows = new StringBuilder();
    for (Indicator i : indicators) {
      CubeRow row = wards.at(wardCode, i.code());
      rows.append("<tr><td class=\"name\">").append(HtmlText.escape(WardTable.header(i)))
          .append("</td><td class=\"num\" data-label=\"Thực hiện\">")
          .append(row == null ? "—" : VietNumber.withUnit(row.value(), row.unit()))
          .append("</td><td class=\"num\" data-label=\"Xếp hạng\">")
          .append(WardRanking.place(i.code(), wardCode, wards).map(p -> p.position() + "/" + p.of()).orElse("—"))
          .append("</td></tr>\n");
    }
    return "<table class=\"places cards\"><thead><tr><th>Chỉ tiêu</th><th>Thực hiện</th><th>Xếp hạng</th></tr></thead><tbody>\n"
        + rows + "</tbody></table>\n<p class=\"note\">Xếp hạng 1 là cao nhất trong các xã, phường có số liệu; bằng số liệu thì cùng hạng.</p>\n";
  }

  // The unit's current reports of the periods due, metric by metric in the form's order.
  private static String reported(ReportScope scope, ScopeFigures s, Reference ref) {
    List<ReportSource.ReportedFigure> figures = new ArrayList<>();
    s.reported().stream().filter(r -> r.unitCode().equalsIgnoreCase(scope.code())).forEach(figures::add);
    if (figures.isEmpty()) {
      return "<p>Chưa có báo cáo nào của đơn vị cho các kỳ phải nộp trong tháng.</p>\n";
    }
    StringBuilder rows = new StringBuilder();
    for (ReportSource.ReportedFigure r : figures) {
      rows.append("<tr><td class=\"name\">").append(HtmlText.escape(ref.metric(r.metricCode())))
          .append("</td><td data-label=\"Kỳ báo cáo\">").append(HtmlText.escape(UnitReporting.periodVi(r.periodType(), r.period())))
          .append("</td><td class=\"num\" data-label=\"Số liệu\">")
          .append(r.value() == null ? "—" : VietNumber.format(r.value())).append("</td></tr>\n");
    }
    return "<table class=\"reported cards\"><thead><tr><th>Chỉ số</th><th>Kỳ báo cáo</th><th>Số liệu</th></tr></thead><tbody>\n"
        + rows + "</tbody></table>\n";
  }
}
