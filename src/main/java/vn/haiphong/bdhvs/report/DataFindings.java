package vn.haiphong.bdhvs.report;

import java.util.ArrayList;
import java.util.List;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The month's findings about its data, one line each, for the workbook's and the document's list:
 * impossible figures (status check_data), wards whose reported rate exceeds the measured one, figures still provisional, rejected rows by
 * reason; for a ward or a unit, also the rules its units' reports break and their outlying values. Labels only: codes and the parsers' English messages stay in the warehouse.
 */
final class DataFindings {
  /** One finding: its kind, where (a ward, a source), what, a figure with its unit (null when none), a note. */
  record Finding(String kind, String where, String what, Double figure, String unit, String note) {}

  static final String CHECK_DATA = "Số liệu không hợp lý";
  static final String GAP = "Báo cáo vượt xa số liệu đo";
  static final String PROVISIONAL = "Số liệu tạm tính";
  static final String REJECTED = "Bản ghi bị loại";
  static final String VIOLATION = "Báo cáo vi phạm quy tắc kiểm tra";
  static final String OUTLIER = "Giá trị bất thường";

  private DataFindings() {}

  static List<Finding> of(MonthlyFigures f, IndicatorCatalog catalog, WardDirectory wards) {
    List<Finding> findings = new ArrayList<>();
    f.checkData().forEach(r -> findings.add(checkData(r, catalog, wards)));
    f.skillGaps().stream().filter(ReportSource.SkillGap::flagged).forEach(g -> findings.add(gap(g, catalog, wards)));
    for (CubeRow r : f.city().provisional(f.month())) {
      findings.add(new Finding(PROVISIONAL, "Toàn thành phố",
          catalog.byCode(r.indicatorCode()).map(i -> i.nameVi()).orElse("Chỉ tiêu khác"), r.value(), r.unit(),
          "Còn đơn vị chưa nộp báo cáo của tháng"));
    }
    for (ReportSource.RejectCount r : f.rejects()) {
      String file = r.exampleFile() == null ? "" : r.exampleFile().substring(r.exampleFile().lastIndexOf('/') + 1);
      findings.add(new Finding(REJECTED, VietLabels.source(r.source()), VietLabels.rejectReason(r.reasonCode()),
          (double) r.rows(), "count", file.isEmpty() ? "" : "Ví dụ tệp: " + file));
    }
    return findings;
  }

  /**
   * A ward's or a unit's findings: the ward's impossible figures and flagged gap, then the rules its
   * units' current reports break and the values that stand out (quality/validation_violations and
   * quality/report_outliers), each unit by name and each rule and metric by its Vietnamese description.
   */
  static List<Finding> of(ReportScope scope, MonthlyFigures f, ScopeFigures s, ScopeReport.Reference ref) {
    List<Finding> findings = new ArrayList<>();
    if (scope.kind() == ReportScope.Kind.WARD) {
      f.checkData().stream().filter(r -> r.wardCode().equals(scope.code()))
          .forEach(r -> findings.add(checkData(r, ref.catalog(), ref.wards())));
      f.skillGaps().stream().filter(g -> g.flagged() && g.wardCode().equals(scope.code()))
          .forEach(g -> findings.add(gap(g, ref.catalog(), ref.wards())));
    }
    for (ReportSource.Violation v : s.violations()) {
      ref.units().byCode(v.unitCode()).filter(scope::covers).ifPresent(u -> findings.add(new Finding(VIOLATION,
          u.name(), ref.rules().getOrDefault(v.ruleId(), "Quy tắc kiểm tra khác"), v.left(), "count",
          UnitReporting.periodVi(v.periodType(), v.period()) + ", " + VietLabels.ruleImportance(v.importance())
              + (v.right() == null ? "" : "; số đối chiếu " + ReportNumbers.format(v.right())))));
    }
    for (ReportSource.Outlier o : s.outliers()) {
      ref.units().byCode(o.unitCode()).filter(scope::covers).ifPresent(u -> findings.add(new Finding(OUTLIER,
          u.name(), ref.metric(o.metricCode()) + " — " + UnitReporting.periodVi(o.periodType(), o.period()), o.value(),
          "count", VietLabels.outlierMethod(o.method()))));
    }
    return findings;
  }

  private static Finding checkData(CubeRow r, IndicatorCatalog catalog, WardDirectory wards) {
    return new Finding(CHECK_DATA, VietLabels.ward(r.wardCode(), wards),
        catalog.byCode(r.indicatorCode()).map(i -> i.nameVi()).orElse("Chỉ tiêu khác") + " — "
            + VietLabels.targetGroup(r.targetGroup()), r.value(), r.unit(), whyImpossible(r) + "; " + fraction(r));
  }

  private static Finding gap(ReportSource.SkillGap g, IndicatorCatalog catalog, WardDirectory wards) {
    return new Finding(GAP, wards.byCode(g.wardCode()).map(w -> w.name()).orElse("Chưa xác định"),
        catalog.byCode(g.reportedIndicator()).map(i -> i.nameVi()).orElse("Chỉ tiêu khác"), g.gap(), "points",
        "Báo cáo " + ReportNumbers.withUnit(g.reported(), "percent") + ", đo trên nền tảng "
            + ReportNumbers.withUnit(g.measured(), "percent"));
  }

  /** A finding's figure as the page and the document show it: a gap in points, else with its unit; a dash when none. */
  static String figureText(Finding d) {
    return d.figure() == null ? "—"
        : d.unit().equals("points") ? ReportNumbers.format(d.figure()) + " điểm" : ReportNumbers.withUnit(d.figure(), d.unit());
  }

  /** The findings as a table (cards on a phone), or a sentence saying there are none. */
  static String html(List<Finding> findings) {
    if (findings.isEmpty()) {
      return "<p>Không có phát hiện nào.</p>\n";
    }
    StringBuilder rows = new StringBuilder();
    int stt = 0;
    for (Finding d : findings) {
      rows.append("<tr><td class=\"num stt\" data-label=\"STT\">").append(++stt)
          .append("</td><td data-label=\"Loại phát hiện\">").append(HtmlText.escape(d.kind()))
          .append("</td><td data-label=\"Ở đâu\">").append(HtmlText.escape(d.where()))
          .append("</td><td data-label=\"Nội dung\">").append(HtmlText.escape(d.what()))
          .append("</td><td class=\"num\" data-label=\"Số liệu\">").append(figureText(d))
          .append("</td><td data-label=\"Ghi chú\">").append(HtmlText.escape(d.note())).append("</td></tr>\n");
    }
    return "<table class=\"findings cards\"><thead><tr><th>STT</th><th>Loại phát hiện</th><th>Ở đâu</th><th>Nội dung</th>"
        + "<th>Số liệu</th><th>Ghi chú</th></tr></thead><tbody>\n" + rows + "</tbody></table>\n";
  }

  /**
   * Why a check_data figure is impossible, in words; which figures are is the cube SQL's rule
   * (indicator_cube.sql, docs/specification.md §5), this only names the part that fails.
   */
  static String whyImpossible(CubeRow r) {
    List<String> reasons = new ArrayList<>();
    if (r.value() != null && r.value() > 100) {
      reasons.add("Tỷ lệ trên 100%");
    }
    if (r.value() != null && r.value() < 0) {
      reasons.add("Tỷ lệ nhỏ hơn 0");
    }
    if (r.numerator() != null && r.denominator() != null && r.numerator() > r.denominator()) {
      reasons.add("Tử số lớn hơn mẫu số");
    }
    return reasons.isEmpty() ? "Số liệu không hợp lý" : String.join("; ", reasons);
  }

  /** "tử số 4.357, mẫu số 1.000", a dash for a missing part. */
  static String fraction(CubeRow r) {
    return "tử số " + (r.numerator() == null ? "—" : ReportNumbers.format(r.numerator())) + ", mẫu số "
        + (r.denominator() == null ? "—" : ReportNumbers.format(r.denominator()));
  }
}
