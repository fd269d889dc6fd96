package vn.haiphong.bdhvs.report;

import java.util.ArrayList;
import java.util.List;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The month's findings about its data, one line each, for the workbook's and the document's list:
 * impossible figures (status check_data), wards whose reported rate exceeds the measured one, figures still provisional, rejected rows by
 * reason. Labels only: codes and the parsers' English messages stay in the warehouse.
 */
final class DataFindings {
  /** One finding: its kind, where (a ward, a source), what, a figure with its unit (null when none), a note. */
  record Finding(String kind, String where, String what, Double figure, String unit, String note) {}

  static final String CHECK_DATA = "Số liệu không hợp lý";
  static final String GAP = "Báo cáo vượt xa số liệu đo";
  static final String PROVISIONAL = "Số liệu tạm tính";
  static final String REJECTED = "Bản ghi bị loại";

  private DataFindings() {}

  static List<Finding> of(MonthlyFigures f, IndicatorCatalog catalog, WardDirectory wards) {
    List<Finding> findings = new ArrayList<>();
    for (CubeRow r : f.checkData()) {
      findings.add(new Finding(CHECK_DATA, VietLabels.ward(r.wardCode(), wards),
          catalog.byCode(r.indicatorCode()).map(i -> i.nameVi()).orElse("Chỉ tiêu khác") + " — "
              + VietLabels.targetGroup(r.targetGroup()), r.value(), r.unit(),
          whyImpossible(r) + "; " + fraction(r)));
    }
    for (ReportSource.SkillGap g : f.skillGaps()) {
      if (g.flagged()) {
        findings.add(new Finding(GAP, wards.byCode(g.wardCode()).map(w -> w.name()).orElse("Chưa xác định"),
            catalog.byCode(g.reportedIndicator()).map(i -> i.nameVi()).orElse("Chỉ tiêu khác"), g.gap(), "points",
            "Báo cáo " + VietNumber.withUnit(g.reported(), "percent") + ", đo trên nền tảng "
                + VietNumber.withUnit(g.measured(), "percent")));
      }
    }
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
    return "tử số " + (r.numerator() == null ? "—" : VietNumber.format(r.numerator())) + ", mẫu số "
        + (r.denominator() == null ? "—" : VietNumber.format(r.denominator()));
  }
}
