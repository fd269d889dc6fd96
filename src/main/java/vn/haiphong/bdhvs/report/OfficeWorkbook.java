package vn.haiphong.bdhvs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * A report's workbook — the city's {@code reports/<month>.xlsx}, a ward's or a unit's beside its page —
 * holding its tables ({@link ReportContents}) for an official to sort, filter, edit and forward: the
 * KPI table, the ward table (the city) or the ward's places, the unit's reported figures, the
 * reporting status of each report due and the data findings, one sheet each. Headers in Vietnamese on a frozen first row; figures stored as numbers (the cube's
 * own, a percentage 0–100) shown in Vietnamese style by their format; a missing figure is an empty
 * cell, never 0; every text is a string cell, never a formula, whatever it starts with.
 */
final class OfficeWorkbook {
  static final String KPI_SHEET = "Chỉ tiêu";
  static final String WARD_SHEET = "Xã, phường";
  static final String PLACES_SHEET = "Xếp hạng";
  static final String REPORTED_SHEET = "Số liệu báo cáo";
  static final String REPORTING_SHEET = "Tình hình báo cáo";
  static final String FINDINGS_SHEET = "Phát hiện về dữ liệu";
  static final List<String> KPI_HEADERS = Stream.of(List.of("STT", "Chỉ tiêu", "Đơn vị tính"), KpiTable.TARGET_HEADERS,
      List.of("Thực hiện", "Tạm tính", "Ước tính", "So với kỳ trước", "Trạng thái", "Dự kiến đạt mục tiêu"),
      KpiTable.UNIT_HEADERS)
      .flatMap(List::stream).toList();
  static final List<String> REPORTING_HEADERS = List.of("STT", "Mã đơn vị", "Đơn vị", "Loại đơn vị", "Xã, phường",
      "Kỳ báo cáo", "Tình trạng", "Nộp lần đầu lúc", "Số lần nộp", "Đã phê duyệt", "Số quy tắc kiểm tra bị vi phạm");
  static final List<String> PLACES_HEADERS = List.of("STT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện", "Xếp hạng",
      "Số xã, phường có số liệu");
  static final List<String> REPORTED_HEADERS = List.of("STT", "Chỉ số", "Kỳ báo cáo", "Số liệu");
  static final List<String> FINDINGS_HEADERS = List.of("STT", "Loại phát hiện", "Xã, phường hoặc nguồn", "Nội dung",
      "Số liệu", "Ghi chú");
  // Vietnamese (LCID 042A) display: Excel and LibreOffice show "311.243" and "85,3%" with the vi-VN separators.
  private static final String VI = "[$-42A]";

  private final XSSFWorkbook book = new XSSFWorkbook();
  private final Map<String, CellStyle> numberStyles = new HashMap<>();
  private final CellStyle header;
  private final CellStyle text;
  private final WardDirectory wardDirectory;

  private OfficeWorkbook(WardDirectory wards) {
    this.wardDirectory = wards;
    Font bold = book.createFont();
    bold.setBold(true);
    header = book.createCellStyle();
    header.setFont(bold);
    header.setWrapText(true);
    header.setVerticalAlignment(VerticalAlignment.TOP);
    header.setFillForegroundColor(IndexedColors.LEMON_CHIFFON.getIndex());
    header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    header.setBorderBottom(BorderStyle.THIN);
    text = book.createCellStyle();
    text.setVerticalAlignment(VerticalAlignment.TOP);
    text.setWrapText(true);
  }

  /** Writes the report's tables, one sheet each in its order: the parts the scope has, none it does not. */
  static void write(ReportContents c, WardDirectory wards, Path target) throws IOException {
    OfficeWorkbook w = new OfficeWorkbook(wards);
    w.book.getProperties().getCoreProperties().setTitle(c.title());
    w.book.getProperties().getCoreProperties().setCreator("bdhvs");
    c.kpi().ifPresent(k -> w.kpi(k.rows()));
    c.wards().ifPresent(w::wards);
    c.places().ifPresent(p -> w.places(p.rows()));
    c.reported().ifPresent(w::reported);
    w.reporting(c.reporting().due());
    w.findings(c.findings());
    try (OutputStream out = Files.newOutputStream(target)) {
      w.book.write(out);
    } finally {
      w.book.close();
    }
  }

  /** The display format of a figure of {@code unit} (the cube's units, and "points" for a gap in percentage points). */
  static String numberFormat(String unit) {
    return VI + switch (unit) {
      case "percent" -> "#,##0.0#\"%\"";
      case "mbps" -> "#,##0.00\" Mbps\"";
      case "ratio" -> "#,##0.0#";
      case "points" -> "#,##0.0#\" điểm\"";
      default -> "#,##0";
    };
  }

  private void kpi(List<KpiTable.Row> kpi) {
    List<Integer> widths = new ArrayList<>(List.of(6, 60, 12));
    KpiTable.TARGET_YEARS.forEach(y -> widths.add(14));
    widths.addAll(List.of(16, 9, 9, 36, 16, 24, 30, 24));
    Sheet sheet = sheet(KPI_SHEET, KPI_HEADERS, widths);
    for (KpiTable.Row k : kpi) {
      CubeRow r = k.figure();
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      int c = 0;
      number(row, c++, (double) k.stt(), "count");
      text(row, c++, k.indicator().nameVi());
      text(row, c++, VietLabels.unit(r.unit()));
      for (Double t : k.targets()) {
        number(row, c++, t, r.unit());
      }
      number(row, c++, r.value(), r.unit());
      text(row, c++, r.provisional() ? "Có" : "");
      text(row, c++, k.estimated() ? "Có" : "");
      text(row, c++, k.delta().orElse(""));
      text(row, c++, StatusLabel.of(r.status()).vi);
      text(row, c++, k.projection() == null ? "" : k.projection().outcomeVi());
      text(row, c++, k.indicator().leadUnit());
      text(row, c, KpiTable.reportedBy(k.indicator()));
    }
  }

  private void wards(ReportContents.WardRows wards) {
    List<String> headers = new ArrayList<>(List.of("STT", "Mã", "Xã, phường, đặc khu"));
    List<Integer> widths = new ArrayList<>(List.of(6, 8, 24));
    for (Indicator i : wards.columns()) {
      headers.add(WardTable.header(i) + " (" + VietLabels.unit(i.unit()) + ")");
      widths.add(18);
    }
    Sheet sheet = sheet(WARD_SHEET, headers, widths);
    int stt = 0;
    for (Ward ward : wards.wards()) {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      number(row, 0, (double) ++stt, "count");
      text(row, 1, ward.code());
      text(row, 2, ward.name());
      for (int i = 0; i < wards.columns().size(); i++) {
        CubeRow figure = wards.figures().at(ward.code(), wards.columns().get(i).code());
        number(row, 3 + i, figure == null ? null : figure.value(), wards.columns().get(i).unit());
      }
    }
  }

  // A ward's figure of each ward-table indicator and its place: the place as its two numbers, sortable.
  private void places(List<ReportContents.Place> places) {
    Sheet sheet = sheet(PLACES_SHEET, PLACES_HEADERS, List.of(6, 50, 14, 16, 10, 14));
    int stt = 0;
    for (ReportContents.Place p : places) {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      number(row, 0, (double) ++stt, "count");
      text(row, 1, p.indicator().nameVi());
      text(row, 2, VietLabels.unit(p.indicator().unit()));
      number(row, 3, p.figure() == null ? null : p.figure().value(), p.indicator().unit());
      number(row, 4, p.place().map(x -> (double) x.position()).orElse(null), "count");
      number(row, 5, p.place().map(x -> (double) x.of()).orElse(null), "count");
    }
  }

  private void reported(List<ReportContents.Reported> figures) {
    Sheet sheet = sheet(REPORTED_SHEET, REPORTED_HEADERS, List.of(6, 60, 18, 16));
    int stt = 0;
    for (ReportContents.Reported r : figures) {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      number(row, 0, (double) ++stt, "count");
      text(row, 1, r.metric());
      text(row, 2, r.period());
      number(row, 3, r.value(), "count");
    }
  }

  // Every report due from the scope's units, whom to call first on top.
  private void reporting(List<UnitReporting.Due> due) {
    Sheet sheet = sheet(REPORTING_SHEET, REPORTING_HEADERS, List.of(6, 14, 40, 14, 22, 16, 12, 20, 10, 12, 14));
    int stt = 0;
    for (UnitReporting.Due d : due) {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      number(row, 0, (double) ++stt, "count");
      text(row, 1, d.unit().code());
      text(row, 2, d.unit().name());
      text(row, 3, VietLabels.unitKind(d.unit().kind()));
      text(row, 4, d.unit().wardCode() == null ? "" : wardDirectory.byCode(d.unit().wardCode()).map(Ward::name).orElse(""));
      text(row, 5, UnitReporting.periodVi(d.periodType(), d.period()));
      text(row, 6, d.state().vi());
      text(row, 7, d.submittedAt() == null ? "" : d.submittedAt());
      number(row, 8, d.versions() == 0 ? null : (double) d.versions(), "count");
      // Received but not approved: returned to the unit or still waiting; its figures are provisional.
      text(row, 9, d.state() == UnitReporting.State.NOT_RECEIVED ? "" : d.approved() ? "Có" : "Chưa");
      number(row, 10, d.rulesBroken() == null ? null : (double) d.rulesBroken(), "count");
    }
  }

  private void findings(List<DataFindings.Finding> findings) {
    Sheet sheet = sheet(FINDINGS_SHEET, FINDINGS_HEADERS, List.of(6, 26, 26, 50, 14, 40));
    int stt = 0;
    for (DataFindings.Finding d : findings) {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      number(row, 0, (double) ++stt, "count");
      text(row, 1, d.kind());
      text(row, 2, d.where());
      text(row, 3, d.what());
      number(row, 4, d.figure(), d.unit());
      text(row, 5, d.note());
    }
  }

  // A sheet with its header row frozen and filterable.
  private Sheet sheet(String name, List<String> headers, List<Integer> widths) {
    Sheet sheet = book.createSheet(name);
    Row row = sheet.createRow(0);
    for (int c = 0; c < headers.size(); c++) {
      Cell cell = row.createCell(c);
      cell.setCellValue(headers.get(c));
      cell.setCellStyle(header);
      sheet.setColumnWidth(c, widths.get(c) * 256);
    }
    sheet.createFreezePane(0, 1);
    // Printed: landscape, every column on the page's width, the header row on every page.
    sheet.getPrintSetup().setLandscape(true);
    sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
    sheet.setFitToPage(true);
    sheet.getPrintSetup().setFitWidth((short) 1);
    sheet.getPrintSetup().setFitHeight((short) 0);
    sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, headers.size() - 1));
    return sheet;
  }

  private void text(Row row, int column, String value) {
    Cell cell = row.createCell(column);
    cell.setCellValue(value);
    cell.setCellStyle(text);
  }

  // An empty cell for a missing figure: "no figure" is not zero.
  private void number(Row row, int column, Double value, String unit) {
    Cell cell = row.createCell(column);
    cell.setCellStyle(numberStyles.computeIfAbsent(unit, u -> {
      CellStyle style = book.createCellStyle();
      style.setDataFormat(book.createDataFormat().getFormat(numberFormat(u)));
      style.setVerticalAlignment(VerticalAlignment.TOP);
      return style;
    }));
    if (value != null) {
      cell.setCellValue(value);
    }
  }
}
