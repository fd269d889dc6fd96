package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** The workbook and the document read back with POI hold the cube's figures and Vietnamese text only. */
class OfficeFilesTest {
  @TempDir static Path warehouse;
  static Workbook book;
  static XWPFDocument doc;
  static final IndicatorCatalog CATALOG = IndicatorCatalog.load();
  // The cube's month rows of target group ALL, by "ward|indicator".
  static final Map<String, Double> CUBE = new HashMap<>();
  static final DataFormatter VI = new DataFormatter(Locale.forLanguageTag("vi-VN"));
  static final List<Integer> HORIZON = List.of(2025, 2026, 2030);
  // The city-wide rows of reference/plan_targets.csv, read from the file itself, by "indicator|year".
  static final Map<String, Double> CITY_TARGETS = new HashMap<>();

  @BeforeAll
  static void writeReport() throws Exception {
    for (String line : Files.readAllLines(Path.of("reference/plan_targets.csv"))) {
      String[] f = line.split(",", 5);
      if (f[2].equals(DimensionMember.ALL)) { // the header's scope column is "scope"
        CITY_TARGETS.put(f[0] + "|" + f[1], Double.valueOf(f[3]));
      }
    }
    List<Path> written = MonthlyReport.withReference().write(ReportWarehouse.write(warehouse), YearMonth.of(2025, 11));
    try (InputStream in = Files.newInputStream(written.get(1))) {
      book = WorkbookFactory.create(in);
    }
    try (InputStream in = Files.newInputStream(written.get(2))) {
      doc = new XWPFDocument(in);
    }
    CUBE.putAll(ReportWarehouse.cubeValues(warehouse, "2025-11"));
  }

  @AfterAll
  static void close() throws Exception {
    book.close();
    doc.close();
  }

  @Test
  void workbook_hasOneSheetPerTableWithAFrozenVietnameseHeaderRow() {
    assertEquals(List.of("Chỉ tiêu", "Xã, phường", "Tình hình báo cáo", "Phát hiện về dữ liệu"),
        List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)));
    assertEquals(OfficeWorkbook.KPI_HEADERS, texts(book.getSheetAt(0).getRow(0)));
    assertEquals(OfficeWorkbook.REPORTING_HEADERS, texts(book.getSheetAt(2).getRow(0)));
    for (Sheet sheet : book) {
      assertNotNull(sheet.getPaneInformation(), sheet.getSheetName());
      assertTrue(sheet.getPaneInformation().isFreezePane(), sheet.getSheetName());
      assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), sheet.getSheetName() + ": the header row");
    }
  }

  @Test
  void kpiSheet_holdsTheCitysFiguresAsNumbersShownTheVietnameseWay() {
    Sheet kpi = book.getSheet("Chỉ tiêu");
    List<String> headers = texts(kpi.getRow(0));
    int doneAt = headers.indexOf("Thực hiện");
    int checked = 0;
    for (Map.Entry<Indicator, Row> line : kpiLines(kpi).entrySet()) {
      Indicator indicator = line.getKey();
      checked += assertFigure(CUBE.get("ALL|" + indicator.code()), line.getValue().getCell(doneAt), indicator.code()) ? 1 : 0;
    }
    assertEquals(CATALOG.indicators().size(), kpi.getLastRowNum());
    assertTrue(checked > 20, "most indicators have a figure");
    Row registrants = rowOf(kpi, 1, CATALOG.byCode("CONTEST_REGISTRANTS").orElseThrow().nameVi());
    assertEquals("311.243", VI.formatCellValue(registrants.getCell(doneAt)));
    Row speed = rowOf(kpi, 1, CATALOG.byCode("MOBILE_DL_MBPS").orElseThrow().nameVi());
    assertEquals("233,41 Mbps", VI.formatCellValue(speed.getCell(doneAt)));
    assertEquals("tăng 61 Mbps so với tháng 9/2025", speed.getCell(headers.indexOf("So với kỳ trước")).getStringCellValue());
    Row ps = rowOf(kpi, 1, CATALOG.byCode("PS_SKILLED_RATE").orElseThrow().nameVi());
    assertEquals("Có", ps.getCell(headers.indexOf("Tạm tính")).getStringCellValue(), "provisional");
    assertEquals("không đạt trước 2026", ps.getCell(headers.indexOf("Dự kiến đạt mục tiêu")).getStringCellValue());
    assertTrue(ps.getCell(doneAt).getCellStyle().getDataFormatString().startsWith("[$-42A]"), "a Vietnamese display format");
  }

  @Test
  void kpiSheet_holdsThePlanTargetOfEachHorizonYearFromTheReferenceFile() {
    Sheet kpi = book.getSheet("Chỉ tiêu");
    List<String> headers = texts(kpi.getRow(0));
    int targeted = 0;
    for (Map.Entry<Indicator, Row> line : kpiLines(kpi).entrySet()) {
      Indicator indicator = line.getKey();
      for (int year : HORIZON) {
        targeted += assertFigure(CITY_TARGETS.get(indicator.targetCode() + "|" + year),
            line.getValue().getCell(headers.indexOf("Mục tiêu " + year)), indicator.code() + " " + year) ? 1 : 0;
      }
    }
    assertTrue(targeted > 20, "most targeted indicators have their three horizons");
    Row classes = rowOf(kpi, 1, CATALOG.byCode("WARD_COMMUNITY_CLASS_RATE").orElseThrow().nameVi());
    assertEquals(List.of(100.0, 100.0, 100.0),
        HORIZON.stream().map(y -> classes.getCell(headers.indexOf("Mục tiêu " + y)).getNumericCellValue()).toList());
    // The education plan sets parents' targets for 2025 and 2030 only: 2026 stays empty.
    Row parents = rowOf(kpi, 1, CATALOG.byCode("PAR_SKILLED_RATE").orElseThrow().nameVi());
    assertEquals(80.0, parents.getCell(headers.indexOf("Mục tiêu 2025")).getNumericCellValue());
    assertEquals(CellType.BLANK, parents.getCell(headers.indexOf("Mục tiêu 2026")).getCellType());
    assertEquals(90.0, parents.getCell(headers.indexOf("Mục tiêu 2030")).getNumericCellValue());
  }

  @Test
  void wardSheet_hasEveryWardWithItsCubeFigures() {
    Sheet wards = book.getSheet("Xã, phường");
    assertEquals(WardDirectory.load().wards().size(), wards.getLastRowNum());
    List<String> headers = texts(wards.getRow(0));
    for (int c = 0; c < MonthlyReport.WARD_COLUMNS.size(); c++) {
      String code = MonthlyReport.WARD_COLUMNS.get(c);
      assertTrue(headers.get(3 + c).startsWith(CATALOG.byCode(code).orElseThrow().nameVi()), headers.get(3 + c));
      for (Row row : wards) {
        if (row.getRowNum() > 0) {
          Double expected = CUBE.get(row.getCell(1).getStringCellValue() + "|" + code);
          Cell cell = row.getCell(3 + c);
          if (expected == null) {
            assertEquals(CellType.BLANK, cell.getCellType());
          } else {
            assertEquals(expected, cell.getNumericCellValue(), 1e-9, code);
          }
        }
      }
    }
  }

  @Test
  void reportingSheet_namesEveryUnitDueWithWhatBecameOfItsReport() {
    Sheet sheet = book.getSheet("Tình hình báo cáo");
    ReportingUnits units = ReportingUnits.load(WardDirectory.load());
    assertEquals(UnitReporting.of(units, YearMonth.of(2025, 11), List.of(), Map.of(), false).size(), sheet.getLastRowNum(),
        "every unit × period due in 11/2025");
    Row late = rowOf(sheet, 1, "UB-10525");
    assertEquals("UBND phường Hải Dương", late.getCell(2).getStringCellValue());
    assertEquals("Xã, phường, đặc khu", late.getCell(3).getStringCellValue());
    assertEquals("Tháng 11/2025", late.getCell(5).getStringCellValue());
    assertEquals("Nộp muộn", late.getCell(6).getStringCellValue());
    assertEquals("09:12 ngày 08/12/2025", late.getCell(7).getStringCellValue());
    assertEquals(2.0, late.getCell(8).getNumericCellValue(), "resubmitted once");
    assertEquals("Đúng hạn", rowOf(sheet, 1, "UB-10507").getCell(6).getStringCellValue());
    Row missing = rowOf(sheet, 1, "SO-KHCN");
    assertEquals("Chưa nộp", missing.getCell(6).getStringCellValue());
    assertEquals("Sở, ban, ngành", missing.getCell(3).getStringCellValue());
    assertEquals(CellType.BLANK, missing.getCell(8).getCellType());
    assertEquals("Chưa nộp", sheet.getRow(1).getCell(6).getStringCellValue(), "who has not reported comes first");
  }

  @Test
  void findingsSheet_listsFlaggedWardsAndRejectsByTheirLabels() {
    Sheet sheet = book.getSheet("Phát hiện về dữ liệu");
    Row gap = rowOf(sheet, 1, DataFindings.GAP);
    assertEquals(WardDirectory.load().byCode("10507").orElseThrow().name(), gap.getCell(2).getStringCellValue());
    assertEquals(55.5, gap.getCell(4).getNumericCellValue());
    assertEquals("55,5 điểm", VI.formatCellValue(gap.getCell(4)));
    Row rejected = rowOf(sheet, 1, DataFindings.REJECTED);
    assertEquals(VietLabels.rejectReason("file_invalid_json"), rejected.getCell(3).getStringCellValue());
    assertEquals(2.0, rejected.getCell(4).getNumericCellValue());
  }

  @Test
  void findingsSheet_listsTheImpossibleFigureWithItsReasonAndFraction() {
    Row impossible = rowOf(book.getSheet("Phát hiện về dữ liệu"), 1, DataFindings.CHECK_DATA);
    assertEquals("Bạch Long Vĩ", impossible.getCell(2).getStringCellValue());
    assertEquals(CATALOG.byCode(ReportWarehouse.IMPOSSIBLE_INDICATOR).orElseThrow().nameVi()
        + " — Mọi nhóm đối tượng", impossible.getCell(3).getStringCellValue());
    assertEquals(ReportWarehouse.IMPOSSIBLE_VALUE, impossible.getCell(4).getNumericCellValue());
    // The format, not POI's rendering of it: POI's DataFormatter scales by 100 even for a quoted "%", Excel does not.
    assertEquals(OfficeWorkbook.numberFormat("percent"), impossible.getCell(4).getCellStyle().getDataFormatString());
    assertEquals("Tỷ lệ trên 100%; Tử số lớn hơn mẫu số; tử số 4.357, mẫu số 1.000", impossible.getCell(5).getStringCellValue());
  }

  @Test
  void workbook_storesOutsideTextAsTextAndNoFormula() {
    for (Sheet sheet : book) {
      for (Row row : sheet) {
        for (Cell cell : row) {
          assertFalse(cell.getCellType() == CellType.FORMULA, sheet.getSheetName() + " " + cell.getAddress());
          if (cell.getCellType() == CellType.STRING) {
            assertFalse(cell.getStringCellValue().matches(".*\\b(file_[a-z_]+|[A-Z]+_[A-Z_]+_RATE|on_track|off_track|no_target)\\b.*"),
                "a code reached the sheet: " + cell.getStringCellValue());
          }
        }
      }
    }
    String note = rowOf(book.getSheet("Phát hiện về dữ liệu"), 1, DataFindings.REJECTED).getCell(5).getStringCellValue();
    assertTrue(note.contains(ReportWarehouse.HOSTILE_ATTRIBUTE), "the file name as it is, as text");
  }

  @Test
  void document_holdsTheTitleTablesAndFiguresEditable() throws Exception {
    String text;
    try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      text = extractor.getText();
    }
    // The seed report's form: its header, then the narrative drafted from the figures, then the KPI table.
    assertTrue(text.startsWith("ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nSỞ KHOA HỌC VÀ CÔNG NGHỆ\nSố: ……/BC-SKHCN"), text);
    assertTrue(text.contains("Kết quả triển khai phong trào \"Bình dân học vụ số\" trên địa bàn thành phố, tháng 11/2025"));
    assertTrue(text.contains("Kính gửi:"));
    assertTrue(text.contains("cuộc thi đã có 311.243 thí sinh đăng ký"), "a sentence drafted from the cube's figure");
    assertTrue(text.indexOf("1. Các nền tảng và lớp học") < text.indexOf("I. Kết quả thực hiện các chỉ tiêu toàn thành phố"));
    List<XWPFTable> tables = doc.getTables();
    XWPFTable kpi = tables.get(0);
    assertEquals(OfficeDocument.KPI_HEADERS, cells(kpi.getRow(0)));
    List<String> registrants = rowOf(kpi, CATALOG.byCode("CONTEST_REGISTRANTS").orElseThrow().nameVi());
    List<String> headers = cells(kpi.getRow(0));
    int doneAt = headers.indexOf("Thực hiện");
    assertEquals(ReportNumbers.withUnit(CUBE.get("ALL|CONTEST_REGISTRANTS"), "count"), registrants.get(doneAt).split("\n")[0]);
    assertEquals("311.243", registrants.get(doneAt).split("\n")[0]);
    List<String> ps = rowOf(kpi, CATALOG.byCode("PS_SKILLED_RATE").orElseThrow().nameVi());
    assertEquals(List.of("Mục tiêu 2025", "Mục tiêu 2026", "Mục tiêu 2030"), headers.subList(2, 5));
    assertEquals(List.of("80%", "—", "100%"), ps.subList(2, 5), "the Việt Trì template's 2026 figure is in force nowhere");
    assertEquals(List.of("80%", "—", "90%"), rowOf(kpi, CATALOG.byCode("PAR_SKILLED_RATE").orElseThrow().nameVi()).subList(2, 5),
        "no 2026 target for parents: a dash, not 0");
    Map<String, Indicator> byName = CATALOG.indicators().stream().collect(Collectors.toMap(Indicator::nameVi, i -> i));
    for (XWPFTableRow row : kpi.getRows().subList(1, kpi.getNumberOfRows())) {
      List<String> line = cells(row);
      Indicator indicator = byName.get(line.get(1));
      for (int year : HORIZON) {
        Double t = CITY_TARGETS.get(indicator.targetCode() + "|" + year);
        String shown = line.get(headers.indexOf("Mục tiêu " + year));
        assertTrue(t == null ? shown.equals("—") : shown.endsWith(ReportNumbers.withUnit(t, indicator.unit())), indicator.code() + " " + year + ": " + shown);
      }
    }
    assertTrue(ps.get(headers.indexOf("Trạng thái")).endsWith("không đạt trước 2026"), ps.get(headers.indexOf("Trạng thái")));
    XWPFTable wards = tables.get(1);
    assertEquals(WardDirectory.load().wards().size() + 1, wards.getNumberOfRows());
    assertTrue(text.contains("Đã nhận "), "the reporting sentence from the cube");
    assertTrue(text.contains("UBND phường Hải Dương") && text.contains("Nộp muộn"));
    assertTrue(text.contains(DataFindings.CHECK_DATA) && text.contains("Tỷ lệ trên 100%"), "the impossible figure among the findings");
    assertFalse(text.matches("(?s).*\\b(file_invalid_json|PS_SKILLED_RATE|on_track|no_target)\\b.*"), "no code in the document");
  }

  // The KPI sheet's lines below its header, by the indicator each names.
  private static Map<Indicator, Row> kpiLines(Sheet kpi) {
    Map<String, Indicator> byName = CATALOG.indicators().stream().collect(Collectors.toMap(Indicator::nameVi, i -> i));
    Map<Indicator, Row> lines = new LinkedHashMap<>();
    for (Row row : kpi) {
      if (row.getRowNum() > 0) {
        lines.put(byName.get(row.getCell(1).getStringCellValue()), row);
      }
    }
    return lines;
  }

  // A figure is a number cell, a missing one (null) an empty cell, never 0; true when a figure was expected.
  static boolean assertFigure(Double expected, Cell cell, String what) {
    if (expected == null) {
      assertEquals(CellType.BLANK, cell.getCellType(), what + ": nothing to show is an empty cell, not 0");
      return false;
    }
    assertEquals(CellType.NUMERIC, cell.getCellType(), what);
    assertEquals(expected, cell.getNumericCellValue(), 1e-9, what);
    return true;
  }

  static List<String> texts(Row row) {
    List<String> texts = new ArrayList<>();
    row.forEach(c -> texts.add(c.getStringCellValue()));
    return texts;
  }

  static Row rowOf(Sheet sheet, int column, String text) {
    for (Row row : sheet) {
      if (row.getCell(column) != null && row.getCell(column).getCellType() == CellType.STRING
          && row.getCell(column).getStringCellValue().equals(text)) {
        return row;
      }
    }
    throw new AssertionError(sheet.getSheetName() + ": no row with " + text);
  }

  static List<String> cells(XWPFTableRow row) {
    return row.getTableCells().stream().map(c -> c.getText()).toList();
  }

  static List<String> rowOf(XWPFTable table, String name) {
    return table.getRows().stream().map(OfficeFilesTest::cells).filter(r -> r.get(1).equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name));
  }
}
