package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlError;
import org.apache.xmlbeans.XmlObject;
import org.apache.xmlbeans.XmlOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.StyleSheetDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorkbookDocument;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.WorksheetDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;

/**
 * The city's workbook and document as files: every XML part valid against the Office Open XML schema
 * (the order of elements Word and Excel insist on), laid out for printing as an official prints them,
 * the same bytes from the same report, and text that XML cannot hold left out rather than breaking the file.
 */
class OpenXmlPackageTest {
  private static final String SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  @TempDir static Path warehouse;
  static Path xlsx;
  static Path docx;

  @BeforeAll
  static void writeReport() throws Exception {
    List<Path> written = MonthlyReport.withReference().write(ReportWarehouse.write(warehouse), YearMonth.of(2025, 11));
    xlsx = written.get(1);
    docx = written.get(2);
  }

  @Test
  void everyPart_isValidAgainstTheSchema() throws Exception {
    Map<String, byte[]> parts = new TreeMap<>();
    parts.putAll(parts(xlsx));
    parts.putAll(parts(docx));
    assertTrue(parts.keySet().containsAll(List.of("xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet4.xml", "word/document.xml", "[Content_Types].xml", "docProps/core.xml")), parts.keySet().toString());
    int validated = 0;
    for (Map.Entry<String, byte[]> part : parts.entrySet()) {
      String name = part.getKey();
      String xml = new String(part.getValue(), StandardCharsets.UTF_8);
      XmlObject parsed = name.startsWith("xl/worksheets/") ? WorksheetDocument.Factory.parse(xml)
          : name.equals("xl/styles.xml") ? StyleSheetDocument.Factory.parse(xml)
          : name.equals("xl/workbook.xml") ? WorkbookDocument.Factory.parse(xml)
          : name.equals("word/document.xml") ? DocumentDocument.Factory.parse(xml) : null;
      if (parsed != null) {
        List<XmlError> errors = new ArrayList<>();
        parsed.validate(new XmlOptions().setErrorListener(errors));
        // Excel's own xml:space on a cell's text with a space at an end is all the schema may object to.
        assertEquals(List.of(), errors.stream().map(e -> name + ": " + e.getMessage())
            .filter(e -> !e.endsWith("space@http://www.w3.org/XML/1998/namespace in element t@" + SPREADSHEET)).limit(5).toList());
        validated++;
      }
    }
    assertEquals(7, validated, "4 sheets, the styles, the workbook and the document");
  }

  @Test
  void workbook_printsEachSheetLandscapeOnA4_headerOnEveryPage_filterOnTheHeader() throws Exception {
    try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
      for (int i = 0; i < book.getNumberOfSheets(); i++) {
        XSSFSheet sheet = book.getSheetAt(i);
        String name = sheet.getSheetName();
        assertTrue(sheet.getPrintSetup().getLandscape(), name);
        assertEquals(PrintSetup.A4_PAPERSIZE, sheet.getPrintSetup().getPaperSize(), name);
        assertTrue(sheet.getFitToPage(), name);
        assertEquals(1, sheet.getPrintSetup().getFitWidth(), name);
        assertEquals(0, sheet.getPrintSetup().getFitHeight(), name + ": as many pages down as it takes");
        // Read as Excel names it (POI's getRepeatingRows splits a sheet name at its comma).
        assertEquals(List.of("'" + name + "'!$1:$1"), book.getNames("_xlnm.Print_Titles").stream()
            .filter(n -> n.getSheetIndex() == book.getSheetIndex(sheet)).map(n -> n.getRefersToFormula()).toList(), name);
        int columns = sheet.getRow(0).getLastCellNum();
        assertEquals("A1:" + OfficeWorkbook.column(columns - 1) + "1", sheet.getCTWorksheet().getAutoFilter().getRef(), name);
      }
      XSSFSheet kpi = book.getSheet(OfficeWorkbook.KPI_SHEET);
      assertEquals(60 * 256, kpi.getColumnWidth(1), "the indicator's name, 60 characters wide");
      assertTrue(kpi.getRow(0).getCell(0).getCellStyle().getFont().getBold(), "the header in bold");
    }
  }

  @Test
  void document_isA4Landscape_tablesOnTheTextWidth_headerRowRepeated() throws Exception {
    try (InputStream in = Files.newInputStream(docx); XWPFDocument doc = new XWPFDocument(in)) {
      var size = doc.getDocument().getBody().getSectPr().getPgSz();
      assertEquals(STPageOrientation.LANDSCAPE, size.getOrient());
      assertEquals("16838", size.getW().toString());
      assertEquals("11906", size.getH().toString());
      assertTrue(doc.getTables().size() >= 4, "the KPI, ward, reporting and findings tables");
      for (XWPFTable table : doc.getTables()) {
        assertTrue(table.getRow(0).isRepeatHeader());
        long grid = table.getCTTbl().getTblGrid().getGridColList().stream()
            .mapToLong(c -> Long.parseLong(c.getW().toString())).sum();
        assertTrue(grid <= 16838 - 2 * 1134 && grid > (16838 - 2 * 1134) * 95 / 100, "grid " + grid);
        assertEquals("single", table.getCTTbl().getTblPr().getTblBorders().getInsideH().getVal().toString());
      }
      assertEquals(24, doc.getParagraphs().get(0).getRuns().get(0).getFontSizeAsDouble() * 2, 0.0, "12 pt, in half-points");
      assertEquals("Times New Roman", doc.getParagraphs().get(0).getRuns().get(0).getFontFamily());
    }
  }

  @Test
  void sameReport_sameBytes() throws Exception {
    byte[] first = Files.readAllBytes(xlsx);
    byte[] firstDoc = Files.readAllBytes(docx);
    List<Path> again = MonthlyReport.withReference().write(warehouse, YearMonth.of(2025, 11));
    assertArrayEquals(first, Files.readAllBytes(again.get(1)));
    assertArrayEquals(firstDoc, Files.readAllBytes(again.get(2)));
  }

  @Test
  void columns_areLetteredAsExcelLettersThem() {
    assertEquals(List.of("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"),
        java.util.stream.IntStream.of(0, 25, 26, 51, 52, 701, 702).mapToObj(OfficeWorkbook::column).toList());
  }

  @Test
  void text_escapesMarkup_andLeavesOutWhatXmlCannotHold() {
    assertEquals("a&lt;b&gt; &amp; &quot;c&quot;", OpenXmlPackage.text("a<b> & \"c\""));
    assertEquals("tab\tline\nbell", OpenXmlPackage.text("tab\tline\nbe\u0007ll\u0000"));
    assertEquals("lone  pair \uD83D\uDE00", OpenXmlPackage.text("lone \uD800 pair \uD83D\uDE00"), "a lone surrogate out, an emoji kept");
    assertEquals("Hải Phòng", OpenXmlPackage.text("Hải Phòng\uFFFE"));
  }

  private static Map<String, byte[]> parts(Path file) throws Exception {
    Map<String, byte[]> parts = new TreeMap<>();
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        parts.put(e.getName(), zip.readAllBytes());
      }
    }
    return parts;
  }
}
