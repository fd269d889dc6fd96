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
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * {@code reports/<month>.xlsx}: the report's tables for an official to sort, filter, edit and
 * forward — the KPI table, the ward table, each unit's reporting status and the data findings, one
 * sheet each. Headers in Vietnamese on a frozen first row; figures stored as numbers (the cube's
 * own, a percentage 0–100) shown in Vietnamese style by their format; a missing figure is an empty
 * cell, never 0; every text is a string cell, never a formula, whatever it starts with.
 */
final class OfficeWorkbook {
  static final String KPI_SHEET = "Chỉ tiêu";
  static final String WARD_SHEET = "Xã, phường";
  static final String REPORTING_SHEET = "Tình hình báo cáo";
  static final String FINDINGS_SHEET = "Phát hiện về dữ liệu";
  static final List<String> KPI_HEADERS = Stream.of(List.of("STT", "Chỉ tiêu", "Đơn vị tính"), KpiTable.TARGET_HEADERS,
      List.of("Thực hiện", "Tạm tính", "Ước tính", "So với kỳ trước", "Trạng thái", "Dự kiến đạt mục tiêu"),
      KpiTable.UNIT_HEADERS)
      .flatMap(List::stream).toList();
  static final List<String> REPORTING_HEADERS = List.of("STT", "Mã đơn vị", "Đơn vị", "Loại đơn vị", "Xã, phường",
      "Kỳ báo cáo", "Tình trạng", "Nộp lần đầu lúc", "Số lần nộp", "Số quy tắc kiểm tra bị vi phạm");
  static final List<String> FINDINGS_HEADERS = List.of("STT", "Loại phát hiện", "Xã, phường hoặc nguồn", "Nội dung",
      "Số liệu", "Ghi chú");
  // Vietnamese (LCID 042A) display: Excel and LibreOffice show "311.243" and "85,3%" with the vi-VN separators.
  private static final String VI = "[$-42A]";

  private final XSSFWorkbook book = new XSSFWorkbook();
  private final Map<String, CellStyle> numberStyles = new HashMap<>();
  private final CellStyle header;
  private final CellStyle text;

  private OfficeWorkbook() {
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

  static void write(MonthlyFigures f, IndicatorCatalog catalog, WardDirectory wards, Path target) throws IOException {
    OfficeWorkbook w = new OfficeWorkbook();
    w.book.getProperties().getCoreProperties().setTitle(f.title());
    w.book.getProperties().getCoreProperties().setCreator("bdhvs");
    w.kpi(f);
    w.wards(f, catalog, wards);
    w.reporting(f, wards);
    w.findings(f, catalog, wards);
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

  private void kpi(MonthlyFigures f) {
    List<Integer> widths = new ArrayList<>(List.of(6, 60, 12));
    KpiTable.TARGET_YEARS.forEach(y -> widths.add(14));
    widths.addAll(List.of(16, 9, 9, 36, 16, 24, 30, 24));
    Sheet sheet = sheet(KPI_SHEET, KPI_HEADERS, widths);
    for (KpiTable.Row k : f.kpi()) {
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

  private void wards(MonthlyFigures f, IndicatorCatalog catalog, WardDirectory wards) {
    List<Indicator> columns = MonthlyReport.wardColumns(catalog);
    List<String> headers = new ArrayList<>(List.of("STT", "Mã", "Xã, phường, đặc khu"));
    List<Integer> widths = new ArrayList<>(List.of(6, 8, 24));
    for (Indicator i : columns) {
      headers.add(WardTable.header(i) + " (" + VietLabels.unit(i.unit()) + ")");
      widths.add(18);
    }
    Sheet sheet = sheet(WARD_SHEET, headers, widths);
    int stt = 0;
    for (vn.haiphong.bdhvs.reference.Ward ward : wards.wards()) {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      number(row, 0, (double) ++stt, "count");
      text(row, 1, ward.code());
      text(row, 2, ward.name());
      for (int i = 0; i < columns.size(); i++) {
        CubeRow figure = f.wards().at(ward.code(), columns.get(i).code());
        number(row, 3 + i, figure == null ? null : figure.value(), columns.get(i).unit());
      }
    }
  }

  private void reporting(MonthlyFigures f, WardDirectory wards) {
    Sheet sheet = sheet(REPORTING_SHEET, REPORTING_HEADERS, List.of(6, 14, 40, 14, 22, 16, 12, 20, 10, 14));
    int stt = 0;
    for (UnitReporting.Due d : f.reporting()) {
      Row row = sheet.createRow(sheet.getLastRowNum() + 1);
      number(row, 0, (double) ++stt, "count");
      text(row, 1, d.unit().code());
      text(row, 2, d.unit().name());
      text(row, 3, VietLabels.unitKind(d.unit().kind()));
      text(row, 4, d.unit().wardCode() == null ? "" : wards.byCode(d.unit().wardCode()).map(w -> w.name()).orElse(""));
      text(row, 5, UnitReporting.periodVi(d.periodType(), d.period()));
      text(row, 6, d.state().vi());
      text(row, 7, d.submittedAt() == null ? "" : d.submittedAt());
      number(row, 8, d.versions() == 0 ? null : (double) d.versions(), "count");
      number(row, 9, d.rulesBroken() == null ? null : (double) d.rulesBroken(), "count");
    }
  }

  private void findings(MonthlyFigures f, IndicatorCatalog catalog, WardDirectory wards) {
    Sheet sheet = sheet(FINDINGS_SHEET, FINDINGS_HEADERS, List.of(6, 26, 26, 50, 14, 40));
    int stt = 0;
    for (DataFindings.Finding d : DataFindings.of(f, catalog, wards)) {
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
