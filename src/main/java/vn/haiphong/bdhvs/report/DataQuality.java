package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;

/**
 * How far the month's figures can be trusted: rejects by reason, report completeness and
 * timeliness, provisional figures, source freshness, and the units' own notes (untrusted text,
 * escaped).
 */
final class DataQuality {
  private DataQuality() {}

  static String html(MonthlyFigures f, IndicatorCatalog catalog, ReportingUnits units, WardDirectory wards) {
    YearMonth month = f.month();
    CitySeries city = f.city();
    return summary(f)
        + "<h3>Số liệu không hợp lý cần kiểm tra</h3>\n" + checkData(f.checkData(), catalog, wards)
        + "<h3>Báo cáo của các đơn vị</h3>\n" + reporting(month, city, f.reporting())
        + "<h3>Số liệu tạm tính</h3>\n" + provisional(month, city, catalog)
        + "<h3>Bản ghi bị loại theo lý do</h3>\n" + rejects(f.rejects())
        + "<h3>Độ mới của nguồn dữ liệu</h3>\n" + freshness(f.run())
        + "<h3>Kiểm tra tự động các bảng số liệu</h3>\n" + dataTests(f.run())
        + "<h3>Ghi chú của đơn vị báo cáo</h3>\n" + notes(f.notes(), units);
  }

  // What an official should look at first, counted: impossible figures, provisional ones, rejected rows.
  private static String summary(MonthlyFigures f) {
    long rejected = f.rejects().stream().mapToLong(ReportSource.RejectCount::rows).sum();
    return "<p class=\"summary\">" + f.checkData().size() + " số liệu không hợp lý cần kiểm tra, "
        + f.city().provisional(f.month()).size() + " chỉ tiêu còn tạm tính, " + ReportNumbers.format(rejected)
        + " bản ghi bị loại.</p>\n";
  }

  // Each ward × target group × indicator whose figure the cube marks check_data, with the reason in words.
  private static String checkData(List<CubeRow> rows, IndicatorCatalog catalog, WardDirectory wards) {
    if (rows.isEmpty()) {
      return "<p>Không có: mọi tỷ lệ nằm trong khoảng 0–100% và không tử số nào lớn hơn mẫu số.</p>\n";
    }
    StringBuilder body = new StringBuilder();
    for (CubeRow r : rows) {
      body.append("<tr><td data-label=\"Xã, phường\">").append(HtmlText.escape(VietLabels.ward(r.wardCode(), wards)))
          .append("</td><td data-label=\"Nhóm đối tượng\">").append(HtmlText.escape(VietLabels.targetGroup(r.targetGroup())))
          .append("</td><td data-label=\"Chỉ tiêu\">").append(HtmlText.escape(
              catalog.byCode(r.indicatorCode()).map(i -> i.nameVi()).orElse("Chỉ tiêu khác")))
          .append("</td><td class=\"num\" data-label=\"Giá trị\">").append(ReportNumbers.withUnit(r.value(), r.unit()))
          .append("</td><td class=\"num\" data-label=\"Tử số\">").append(r.numerator() == null ? "—" : ReportNumbers.format(r.numerator()))
          .append("</td><td class=\"num\" data-label=\"Mẫu số\">").append(r.denominator() == null ? "—" : ReportNumbers.format(r.denominator()))
          .append("</td><td data-label=\"Lý do\">").append(HtmlText.escape(DataFindings.whyImpossible(r))).append("</td></tr>\n");
    }
    return "<p>" + rows.size() + " số liệu không thể đúng, không được tính là đạt mục tiêu; đề nghị đơn vị báo cáo kiểm tra lại:</p>\n"
        + "<table class=\"check-data cards\"><thead><tr><th>Xã, phường</th><th>Nhóm đối tượng</th><th>Chỉ tiêu</th>"
        + "<th>Giá trị</th><th>Tử số</th><th>Mẫu số</th><th>Lý do</th></tr></thead><tbody>\n" + body + "</tbody></table>\n";
  }

  private static String reporting(YearMonth month, CitySeries city, List<UnitReporting.Due> due) {
    StringBuilder items = new StringBuilder();
    List<String> lines = new java.util.ArrayList<>(reportingLines(month, city));
    UnitReporting.approvalLine(due).ifPresent(lines::add);
    lines.forEach(line -> items.append("<li>").append(HtmlText.escape(line)).append("</li>"));
    return items.isEmpty() ? "<p>Chưa có số liệu.</p>\n" : "<ul>" + items + "</ul>\n";
  }

  /** The month's report completeness and timeliness from the cube, as sentences; none without those figures. */
  static List<String> reportingLines(YearMonth month, CitySeries city) {
    List<String> lines = new java.util.ArrayList<>();
    for (String code : List.of("REPORT_COMPLETENESS", "REPORT_TIMELINESS")) {
      city.at(code, month).ifPresent(r -> lines.add((code.equals("REPORT_COMPLETENESS") ? "Đã nhận " : "Nộp đúng hạn ")
          + (r.numerator() == null ? "—" : ReportNumbers.format(r.numerator())) + "/"
          + (r.denominator() == null ? "—" : ReportNumbers.format(r.denominator())) + " báo cáo phải nộp ("
          + ReportNumbers.withUnit(r.value(), r.unit()) + ")"));
    }
    return lines;
  }

  private static String provisional(YearMonth month, CitySeries city, IndicatorCatalog catalog) {
    List<CubeRow> rows = city.provisional(month);
    if (rows.isEmpty()) {
      return "<p>Không có: mọi nguồn đã đủ số liệu của tháng, mọi báo cáo phải nộp đã nhận và đã được phê duyệt.</p>\n";
    }
    StringBuilder items = new StringBuilder();
    rows.forEach(r -> items.append("<li>").append(HtmlText.escape(
        catalog.byCode(r.indicatorCode()).map(i -> i.nameVi()).orElse(r.indicatorCode()))).append("</li>"));
    return "<p>" + rows.size() + " chỉ tiêu còn tạm tính vì nguồn chưa đủ số liệu của tháng, báo cáo chưa đến hạn, còn đơn vị chưa nộp báo cáo hoặc báo cáo chưa được phê duyệt:</p><ul class=\"columns\">" + items + "</ul>\n";
  }

  // Reasons by their label, never the parser's own message: that is English and written for whoever fixes the file.
  private static String rejects(List<ReportSource.RejectCount> rejects) {
    if (rejects.isEmpty()) {
      return "<p>Không có bản ghi bị loại.</p>\n";
    }
    StringBuilder rows = new StringBuilder();
    for (ReportSource.RejectCount r : rejects) {
      String file = r.exampleFile() == null ? "" : r.exampleFile().substring(r.exampleFile().lastIndexOf('/') + 1);
      rows.append("<tr><td data-label=\"Nguồn\">").append(VietLabels.source(r.source()))
          .append("</td><td data-label=\"Lý do\">").append(VietLabels.rejectReason(r.reasonCode()))
          .append("</td><td class=\"num\" data-label=\"Số bản ghi\">").append(ReportNumbers.format(r.rows()))
          .append("</td><td class=\"file\" data-label=\"Ví dụ tệp\">").append(HtmlText.escape(file)).append("</td></tr>\n");
    }
    return "<table class=\"rejects cards\"><thead><tr><th>Nguồn</th><th>Lý do</th><th>Số bản ghi</th><th>Ví dụ tệp</th></tr></thead><tbody>\n"
        + rows + "</tbody></table>\n";
  }

  // The landing's sources only: the manifest also lists the jobs that build cubes and the warehouse.
  private static String freshness(Optional<LatestRun> run) {
    if (run.isEmpty()) {
      return "<p>Chưa có lần cập nhật số liệu nào.</p>\n";
    }
    LatestRun r = run.get();
    StringBuilder rows = new StringBuilder();
    for (LatestRun.SourceFreshness s : r.sources()) {
      if (!Landing.SOURCES.contains(s.source())) {
        continue;
      }
      rows.append("<tr><td data-label=\"Nguồn\">").append(VietLabels.source(s.source()))
          .append("</td><td data-label=\"Lần giao mới nhất\">").append(delivery(s.latestDelivery()))
          .append("</td><td class=\"num\" data-label=\"Số tệp\">").append(s.files())
          .append("</td><td class=\"num\" data-label=\"Dòng đọc\">").append(ReportNumbers.format(s.rowsRead()))
          .append("</td><td class=\"num\" data-label=\"Dòng bị loại\">").append(ReportNumbers.format(s.rowsRejected()))
          .append("</td></tr>\n");
    }
    return "<p>Lần cập nhật gần nhất kết thúc lúc " + VietLabels.time(r.finishedAt()) + ", "
        + VietLabels.runStatus(r.status()) + ".</p>\n"
        + "<table class=\"fresh cards\"><thead><tr><th>Nguồn</th><th>Lần giao mới nhất</th><th>Số tệp</th><th>Dòng đọc</th><th>Dòng bị loại</th></tr></thead><tbody>\n"
        + rows + "</tbody></table>\n";
  }

  // Each table's latest data tests (the tables' contracts): counted, and each that found rows, in words.
  static String dataTests(Optional<LatestRun> run) {
    List<LatestRun.DataTest> tests = run.map(LatestRun::dataTests).orElse(List.of());
    if (tests.isEmpty()) {
      return "<p>Chưa có lần kiểm tra tự động nào.</p>\n";
    }
    List<LatestRun.DataTest> failing = tests.stream().filter(t -> t.failingRows() > 0).toList();
    String counted = "<p>Mỗi bảng theo lần ghi gần nhất, đã kiểm tra tự động " + ReportNumbers.format(tests.size()) + " quy tắc trên "
        + tests.stream().map(LatestRun.DataTest::table).distinct().count() + " bảng số liệu: "
        + ReportNumbers.format(tests.size() - failing.size()) + " quy tắc đạt"
        + (failing.isEmpty() ? ".</p>\n" : ", " + failing.size() + " quy tắc có dòng không đạt:</p>\n");
    if (failing.isEmpty()) {
      return counted;
    }
    StringBuilder rows = new StringBuilder();
    for (LatestRun.DataTest t : failing) {
      rows.append("<tr><td data-label=\"Bảng\">").append(VietLabels.dataTable(t.table()))
          .append("</td><td data-label=\"Quy tắc\">").append(VietLabels.dataTest(t.table(), t.expectation(), t.kind()))
          .append("</td><td data-label=\"Mức\">").append(VietLabels.dataTestSeverity(t.severity()))
          .append("</td><td class=\"num\" data-label=\"Số dòng\">").append(ReportNumbers.format(t.failingRows()))
          .append("</td></tr>\n");
    }
    return counted + "<table class=\"data-tests cards\"><thead><tr><th>Bảng</th><th>Quy tắc</th><th>Mức</th>"
        + "<th>Số dòng</th></tr></thead><tbody>\n" + rows + "</tbody></table>\n";
  }

  // A delivery folder: a day (2025-12-09) or, for telecom, a month (2025-11).
  private static String delivery(String folder) {
    if (folder == null) {
      return "—";
    }
    String[] p = folder.split("-");
    return p.length == 3 ? p[2] + "/" + p[1] + "/" + p[0] : "tháng " + p[1] + "/" + p[0];
  }

  private static String notes(List<ReportSource.UnitNote> notes, ReportingUnits units) {
    if (notes.isEmpty()) {
      return "<p>Không có ghi chú.</p>\n";
    }
    StringBuilder items = new StringBuilder();
    for (ReportSource.UnitNote n : notes) {
      String unit = units.byCode(n.unitCode()).map(ReportingUnit::name).orElse("Đơn vị ngoài danh mục");
      items.append("<li><b>").append(HtmlText.escape(unit)).append("</b> (").append(HtmlText.escape(n.submittedAt()))
          .append(n.onTime() ? ", đúng hạn" : ", nộp muộn").append("): <bdi class=\"untrusted\">")
          .append(HtmlText.escape(n.notes())).append("</bdi></li>\n");
    }
    return "<ul class=\"notes\">" + items + "</ul>\n";
  }
}
