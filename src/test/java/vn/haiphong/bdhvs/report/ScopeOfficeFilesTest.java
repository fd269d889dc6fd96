package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.report.OfficeFilesTest.assertFigure;
import static vn.haiphong.bdhvs.report.OfficeFilesTest.cells;
import static vn.haiphong.bdhvs.report.OfficeFilesTest.rowOf;
import static vn.haiphong.bdhvs.report.OfficeFilesTest.texts;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellType;
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
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReportMetric;
import vn.haiphong.bdhvs.reference.ReportMetrics;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * A ward's and a department's workbook and document, as {@code bdhvs report --ward/--unit} and the
 * nightly run write them beside their pages, read back with POI: the cube's figures, their own
 * targets, their units' reports and their findings, in Vietnamese.
 */
class ScopeOfficeFilesTest {
  static final String WARD = "10507";
  static final String UNIT = "SO-GDDT";
  static final YearMonth NOV = YearMonth.of(2025, 11);
  static final IndicatorCatalog CATALOG = IndicatorCatalog.load();
  static final WardDirectory WARDS = WardDirectory.load();
  @TempDir static Path warehouse;
  static Map<String, Double> cube;
  static Workbook wardBook;
  static Workbook unitBook;
  static XWPFDocument wardDoc;
  static XWPFDocument unitDoc;

  @BeforeAll
  static void writeReports() throws Exception {
    MonthlyReport report = MonthlyReport.withReference();
    Path root = ReportWarehouse.write(warehouse);
    List<Path> ward = report.write(root, NOV, MonthlyReport.Selection.WARD, WARD);
    List<Path> unit = report.write(root, NOV, MonthlyReport.Selection.UNIT, UNIT);
    assertEquals(List.of("2025-11/xa-phuong/10507.html", "2025-11/xa-phuong/10507.xlsx", "2025-11/xa-phuong/10507.docx"),
        ward.stream().map(p -> root.resolve("reports").relativize(p).toString()).toList());
    assertEquals(List.of("2025-11/don-vi/SO-GDDT.html", "2025-11/don-vi/SO-GDDT.xlsx", "2025-11/don-vi/SO-GDDT.docx"),
        unit.stream().map(p -> root.resolve("reports").relativize(p).toString()).toList());
    cube = ReportWarehouse.cubeValues(root, "2025-11");
    wardBook = workbook(ward.get(1));
    unitBook = workbook(unit.get(1));
    wardDoc = document(ward.get(2));
    unitDoc = document(unit.get(2));
  }

  @AfterAll
  static void close() throws Exception {
    for (AutoCloseable c : List.of(wardBook, unitBook, wardDoc, unitDoc)) {
      c.close();
    }
  }

  @Test
  void wardWorkbook_hasItsTablesOneSheetEachWithAFrozenVietnameseHeader() {
    assertEquals(List.of("Chỉ tiêu", "Xếp hạng", "Tình hình báo cáo", "Phát hiện về dữ liệu"), sheetNames(wardBook));
    assertEquals(List.of("Số liệu báo cáo", "Tình hình báo cáo", "Phát hiện về dữ liệu"), sheetNames(unitBook));
    for (Workbook book : List.of(wardBook, unitBook)) {
      for (Sheet sheet : book) {
        assertTrue(sheet.getPaneInformation() != null && sheet.getPaneInformation().isFreezePane(), sheet.getSheetName());
        assertEquals(1, sheet.getPaneInformation().getHorizontalSplitPosition(), sheet.getSheetName() + ": the header row");
      }
    }
    assertEquals(OfficeWorkbook.KPI_HEADERS, texts(wardBook.getSheet("Chỉ tiêu").getRow(0)));
    assertEquals(OfficeWorkbook.REPORTING_HEADERS, texts(unitBook.getSheet("Tình hình báo cáo").getRow(0)));
  }

  @Test
  void wardKpiSheet_holdsTheWardsOwnCubeFiguresAndTargets() {
    Sheet kpi = wardBook.getSheet("Chỉ tiêu");
    List<String> headers = texts(kpi.getRow(0));
    Map<String, Indicator> byName = CATALOG.indicators().stream().collect(Collectors.toMap(Indicator::nameVi, i -> i));
    Map<String, Double> targets2025 = targets2025();
    int lines = 0;
    for (Row row : kpi) {
      if (row.getRowNum() == 0) {
        continue;
      }
      Indicator i = byName.get(row.getCell(1).getStringCellValue());
      lines++;
      assertTrue(assertFigure(cube.get(WARD + "|" + i.code()), row.getCell(headers.indexOf("Thực hiện")), i.code()),
          i.code() + ": a line for each figure the ward has");
      Double target = i.targetCode() == null ? null
          : targets2025.getOrDefault(WARD + "|" + i.targetCode(), targets2025.get("ALL|" + i.targetCode()));
      assertFigure(target, row.getCell(headers.indexOf("Mục tiêu 2025")), i.code() + " 2025");
      assertTrue(row.getCell(headers.indexOf("Thực hiện")).getCellStyle().getDataFormatString().startsWith("[$-42A]"));
    }
    long wardFigures = CATALOG.indicators().stream().filter(i -> cube.get(WARD + "|" + i.code()) != null).count();
    assertEquals(wardFigures, lines, "one line per indicator the cube has a figure of for the ward");
    assertTrue(lines > 10, "the fixture's ward has most figures");
  }

  @Test
  void wardPlacesSheet_holdsItsFigureAndItsPlaceAmongTheWardsFromTheCube() {
    Sheet places = wardBook.getSheet("Xếp hạng");
    assertEquals(MonthlyReport.WARD_COLUMNS.size(), places.getLastRowNum());
    for (int n = 0; n < MonthlyReport.WARD_COLUMNS.size(); n++) {
      String code = MonthlyReport.WARD_COLUMNS.get(n);
      Row row = places.getRow(n + 1);
      Double own = cube.get(WARD + "|" + code);
      assertFigure(own, row.getCell(3), code);
      List<Double> all = WARDS.wards().stream().map(w -> cube.get(w.code() + "|" + code)).filter(v -> v != null).toList();
      assertEquals(1 + all.stream().filter(v -> v > own).count(), (long) row.getCell(4).getNumericCellValue(), code + ": place");
      assertEquals(all.size(), (int) row.getCell(5).getNumericCellValue(), code + ": of the wards with a figure");
    }
  }

  @Test
  void wardReportingSheet_namesEachUnitOfTheWardDueAndWhatBecameOfItsReport() {
    Sheet sheet = wardBook.getSheet("Tình hình báo cáo");
    ReportingUnits units = ReportingUnits.load(WARDS);
    long due = UnitReporting.of(units, NOV, List.of(), Map.of(), false).stream()
        .filter(d -> WARD.equals(d.unit().wardCode())).count();
    assertEquals(due, sheet.getLastRowNum(), "every report due from the ward's units, none of another ward's");
    Row committee = rowOf(sheet, 1, "UB-10507");
    assertEquals("Đúng hạn", committee.getCell(6).getStringCellValue());
    assertEquals("Có", committee.getCell(9).getStringCellValue(), "approved");
    assertEquals(1.0, committee.getCell(10).getNumericCellValue(), "one rule broken (VR01)");
    Row school = rowOf(sheet, 1, "TH-10507");
    assertEquals("Chưa nộp", school.getCell(6).getStringCellValue());
    assertEquals(CellType.BLANK, school.getCell(8).getCellType(), "no version: empty, not 0");
    assertEquals("Chưa nộp", sheet.getRow(1).getCell(6).getStringCellValue(), "who has not reported comes first");
  }

  @Test
  void wardFindingsSheet_holdsItsGapItsUnitsBrokenRuleAndOutlier() {
    Sheet sheet = wardBook.getSheet("Phát hiện về dữ liệu");
    assertEquals(55.5, rowOf(sheet, 1, DataFindings.GAP).getCell(4).getNumericCellValue());
    Row violation = rowOf(sheet, 1, DataFindings.VIOLATION);
    assertEquals("UBND phường Thành Đông", violation.getCell(2).getStringCellValue());
    assertTrue(violation.getCell(3).getStringCellValue().startsWith("Chỉ tiêu \"Đơn vị có tổ chức buổi học"), "the rule in words");
    Row outlier = rowOf(sheet, 1, DataFindings.OUTLIER);
    assertEquals(ReportWarehouse.WARD_OUTLIER, outlier.getCell(4).getNumericCellValue());
    assertTrue(sheet.getLastRowNum() == 3, "no finding of another ward or of the city's sources");
  }

  @Test
  void unitWorkbook_holdsTheFiguresItReportedItsReportAndTheRuleItBreaks() {
    Sheet reported = unitBook.getSheet("Số liệu báo cáo");
    assertEquals(ReportWarehouse.DEPARTMENT_OFFICIALS, rowOf(reported, 1, metric("officials_total")).getCell(3).getNumericCellValue());
    assertEquals(ReportWarehouse.DEPARTMENT_SKILLED, rowOf(reported, 1, metric("officials_skilled")).getCell(3).getNumericCellValue());
    assertEquals("Tháng 11/2025", rowOf(reported, 1, metric("officials_total")).getCell(2).getStringCellValue());
    Sheet reporting = unitBook.getSheet("Tình hình báo cáo");
    assertEquals(1, reporting.getLastRowNum(), "the month it owes; its quarter and year are not due in November");
    assertEquals("Sở Giáo dục và Đào tạo", reporting.getRow(1).getCell(2).getStringCellValue());
    assertEquals("Đúng hạn", reporting.getRow(1).getCell(6).getStringCellValue());
    assertEquals("Chưa", reporting.getRow(1).getCell(9).getStringCellValue(), "received, not approved");
    Row rule = rowOf(unitBook.getSheet("Phát hiện về dữ liệu"), 1, DataFindings.VIOLATION);
    assertEquals(ReportWarehouse.DEPARTMENT_SKILLED, rule.getCell(4).getNumericCellValue());
    assertTrue(rule.getCell(5).getStringCellValue().endsWith("số đối chiếu 1.200"), rule.getCell(5).getStringCellValue());
  }

  @Test
  void wardDocument_holdsItsTitleHeadingsAndTheCubesFigures() throws Exception {
    String text = text(wardDoc);
    assertTrue(text.startsWith(OfficeDocument.ORG + "\n" + ScopeReport.title("Phường Thành Đông", NOV)), text);
    List<String> headings = List.of("I. Kết quả thực hiện các chỉ tiêu của Phường Thành Đông",
        "II. Xếp hạng trong 114 xã, phường, đặc khu", "III. Tình hình báo cáo của các đơn vị trên địa bàn",
        "IV. Phát hiện về dữ liệu");
    for (int h = 1; h < headings.size(); h++) {
      assertTrue(text.indexOf(headings.get(h - 1)) >= 0 && text.indexOf(headings.get(h - 1)) < text.indexOf(headings.get(h)),
          headings.get(h));
    }
    XWPFTable kpi = wardDoc.getTables().get(0);
    assertEquals(OfficeDocument.KPI_HEADERS, cells(kpi.getRow(0)));
    int doneAt = OfficeDocument.KPI_HEADERS.indexOf("Thực hiện");
    Map<String, Indicator> byName = CATALOG.indicators().stream().collect(Collectors.toMap(Indicator::nameVi, i -> i));
    for (XWPFTableRow row : kpi.getRows().subList(1, kpi.getNumberOfRows())) {
      Indicator i = byName.get(cells(row).get(1));
      String done = cells(row).get(doneAt).split("\n")[0].replace("*", "").replace(" (ước tính)", "");
      assertEquals(ReportNumbers.withUnit(cube.get(WARD + "|" + i.code()), i.unit()), done, i.code());
    }
    XWPFTable places = wardDoc.getTables().get(1);
    assertEquals(OfficeDocument.PLACES_HEADERS, cells(places.getRow(0)));
    assertEquals(MonthlyReport.WARD_COLUMNS.size() + 1, places.getNumberOfRows());
    assertTrue(text.contains("Trường THPT Thành Đông") && text.contains("Chưa nộp"), "the unit that has not reported, by name");
    assertTrue(text.contains(DataFindings.OUTLIER) && text.contains(ReportNumbers.format(ReportWarehouse.WARD_OUTLIER)));
    assertFalse(text.matches("(?s).*\\b(VR0\\d|cumulative_fall|community_class_held|[A-Z]+_[A-Z_]+_RATE|on_track)\\b.*"),
        "no code in the document");
  }

  @Test
  void unitDocument_holdsItsReportedFiguresAndItsReportOnTimeNotYetApproved() throws Exception {
    String text = text(unitDoc);
    assertTrue(text.contains(ScopeReport.title("Sở Giáo dục và Đào tạo", NOV)));
    XWPFTable reported = unitDoc.getTables().get(0);
    assertEquals(OfficeDocument.REPORTED_HEADERS, cells(reported.getRow(0)));
    assertEquals(List.of("Tháng 11/2025", "1.315"), OfficeFilesTest.rowOf(reported, metric("officials_skilled")).subList(2, 4));
    assertTrue(text.contains("1/1 báo cáo phải nộp đã nhận; 0 chưa nộp, 0 nộp muộn; Đã phê duyệt 0/1 báo cáo đã nhận"), text);
    assertTrue(text.contains("Mọi đơn vị đã nộp đúng hạn các báo cáo phải nộp."), "nobody to call");
  }

  @Test
  void wardDocument_namesTheUnitNotReportedWithItsVersionsAndApproval() {
    XWPFTable reporting = wardDoc.getTables().get(2);
    assertEquals(OfficeDocument.REPORTING_HEADERS, cells(reporting.getRow(0)));
    List<String> school = OfficeFilesTest.rowOf(reporting, "Trường THPT Thành Đông");
    assertEquals(List.of("Chưa nộp", "", "", ""), school.subList(3, 7), "not received: no time, no version, no approval");
    assertTrue(reporting.getRows().stream().map(OfficeFilesTest::cells).noneMatch(r -> r.get(1).equals("UBND phường Thành Đông")),
        "on time: not among those to call");
  }

  private static List<String> sheetNames(Workbook book) {
    List<String> names = new java.util.ArrayList<>();
    book.forEach(s -> names.add(s.getSheetName()));
    return names;
  }

  // The 2025 rows of reference/plan_targets.csv, read from the file itself, by "scope|target code".
  private static Map<String, Double> targets2025() {
    Map<String, Double> targets = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("reference/plan_targets.csv"))) {
        String[] f = line.split(",", 5);
        if (f[1].equals("2025") && !f[2].equals("TEMPLATE")) {
          targets.put(f[2] + "|" + f[0], Double.valueOf(f[3]));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return targets;
  }

  private static String metric(String code) {
    return ReportMetrics.load().byCode(code).stream().map(ReportMetric::description).findFirst().orElseThrow();
  }

  private static Workbook workbook(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return WorkbookFactory.create(in);
    }
  }

  private static XWPFDocument document(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return new XWPFDocument(in);
    }
  }

  private static String text(XWPFDocument doc) throws Exception {
    try (XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
      return extractor.getText();
    }
  }
}
