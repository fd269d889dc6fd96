package vn.haiphong.bdhvs.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * A report's workbook — the city's {@code reports/<month>.xlsx}, a ward's or a unit's beside its page —
 * holding its tables ({@link ReportContents}) for an official to sort, filter, edit and forward: the
 * KPI table, the ward table (the city) or the ward's places, the unit's reported figures, the
 * reporting status of each report due and the data findings, one sheet each. Headers in Vietnamese on a frozen first row; figures stored as numbers (the cube's
 * own, a percentage 0–100) shown in Vietnamese style by their format; a missing figure is an empty
 * cell, never 0; every text is a string cell, never a formula, whatever it starts with. Written as
 * SpreadsheetML text ({@link OpenXmlPackage}): inline strings, one style per kind of cell.
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

  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  // Cell styles (indexes into cellXfs): 0 Excel's default, then the header and text, then one per unit's
  // number format; custom number formats take ids from 164 on.
  private static final int HEADER = 1;
  private static final int TEXT = 2;
  private static final int FIRST_NUMBER = 3;
  private static final int FIRST_FORMAT = 164;

  private final List<Sheet> sheets = new ArrayList<>();
  // Each unit's number format in the order first used: its style is FIRST_NUMBER + i, its format FIRST_FORMAT + i.
  private final Map<String, Integer> numberFormats = new LinkedHashMap<>();
  private final WardDirectory wardDirectory;

  private OfficeWorkbook(WardDirectory wards) {
    this.wardDirectory = wards;
  }

  /** Writes the report's tables, one sheet each in its order: the parts the scope has, none it does not. */
  static void write(ReportContents c, WardDirectory wards, Path target) throws IOException {
    OfficeWorkbook w = new OfficeWorkbook(wards);
    c.kpi().ifPresent(k -> w.kpi(k.rows()));
    c.wards().ifPresent(w::wards);
    c.places().ifPresent(p -> w.places(p.rows()));
    c.reported().ifPresent(w::reported);
    w.reporting(c.reporting().due());
    w.findings(c.findings());
    w.openXml(c.title()).write(target);
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
      Sheet.Row row = sheet.row();
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
      Sheet.Row row = sheet.row();
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
      Sheet.Row row = sheet.row();
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
      Sheet.Row row = sheet.row();
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
      Sheet.Row row = sheet.row();
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
      Sheet.Row row = sheet.row();
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
    Sheet sheet = new Sheet(name, headers.size(), widths);
    Sheet.Row row = sheet.row();
    for (int c = 0; c < headers.size(); c++) {
      row.text(c, headers.get(c), HEADER);
    }
    sheets.add(sheet);
    return sheet;
  }

  private void text(Sheet.Row row, int column, String value) {
    row.text(column, value, TEXT);
  }

  // An empty cell for a missing figure: "no figure" is not zero.
  private void number(Sheet.Row row, int column, Double value, String unit) {
    row.number(column, value, FIRST_NUMBER + numberFormats.computeIfAbsent(unit, u -> numberFormats.size()));
  }

  private OpenXmlPackage openXml(String title) {
    OpenXmlPackage xlsx = new OpenXmlPackage(title);
    StringBuilder workbook = new StringBuilder("<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + OpenXmlPackage.RELATIONSHIPS
        + "\"><sheets>");
    StringBuilder names = new StringBuilder();
    Map<String, String[]> relationships = new LinkedHashMap<>();
    for (int i = 0; i < sheets.size(); i++) {
      Sheet sheet = sheets.get(i);
      String id = "rId" + (i + 1);
      workbook.append("<sheet name=\"").append(OpenXmlPackage.text(sheet.name)).append("\" sheetId=\"").append(i + 1)
          .append("\" r:id=\"").append(id).append("\"/>");
      // The filter's range and the rows printed on every page, as Excel names them.
      String quoted = OpenXmlPackage.text("'" + sheet.name.replace("'", "''") + "'");
      names.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"").append(i).append("\" hidden=\"1\">")
          .append(quoted).append("!$A$1:$").append(column(sheet.columns - 1)).append("$1</definedName>")
          .append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"").append(i).append("\">")
          .append(quoted).append("!$1:$1</definedName>");
      String part = "worksheets/sheet" + (i + 1) + ".xml";
      relationships.put(id, new String[] {OpenXmlPackage.RELATIONSHIPS + "/worksheet", part});
      xlsx.part("xl/" + part, "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml", sheet.xml());
    }
    workbook.append("</sheets><definedNames>").append(names).append("</definedNames></workbook>");
    xlsx.mainPart("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        workbook.toString());
    relationships.put("rId" + (sheets.size() + 1), new String[] {OpenXmlPackage.RELATIONSHIPS + "/styles", "styles.xml"});
    xlsx.relationshipsPart("xl/_rels/workbook.xml.rels", relationships);
    xlsx.part("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", styles());
    return xlsx;
  }

  // The default font and a bold one; the header's lemon-chiffon fill (indexed 26) and its thin bottom border.
  private String styles() {
    StringBuilder xml = new StringBuilder("<styleSheet xmlns=\"" + MAIN + "\">");
    if (!numberFormats.isEmpty()) {
      xml.append("<numFmts count=\"").append(numberFormats.size()).append("\">");
      numberFormats.forEach((unit, i) -> xml.append("<numFmt numFmtId=\"").append(FIRST_FORMAT + i)
          .append("\" formatCode=\"").append(OpenXmlPackage.text(numberFormat(unit))).append("\"/>"));
      xml.append("</numFmts>");
    }
    xml.append("<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        .append("<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>")
        .append("<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        .append("<fill><patternFill patternType=\"solid\"><fgColor indexed=\"26\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>")
        .append("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
        .append("<border><left/><right/><top/><bottom style=\"thin\"><color indexed=\"64\"/></bottom><diagonal/></border></borders>")
        .append("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        .append("<cellXfs count=\"").append(FIRST_NUMBER + numberFormats.size()).append("\">")
        .append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>")
        .append("<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"")
        .append(" applyBorder=\"1\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>")
        .append("<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\">")
        .append("<alignment vertical=\"top\" wrapText=\"1\"/></xf>");
    numberFormats.forEach((unit, i) -> xml.append("<xf numFmtId=\"").append(FIRST_FORMAT + i)
        .append("\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\" applyAlignment=\"1\">")
        .append("<alignment vertical=\"top\"/></xf>"));
    return xml.append("</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        .append("</styleSheet>").toString();
  }

  /**
   * One worksheet as SpreadsheetML, its rows appended in order. Printed landscape on A4, every column
   * on the page's width, the header row on every page (the workbook's Print_Titles).
   */
  private static final class Sheet {
    private final String name;
    private final int columns;
    private final List<Integer> widths;
    private final StringBuilder rows = new StringBuilder();
    private int rowCount;

    Sheet(String name, int columns, List<Integer> widths) {
      this.name = name;
      this.columns = columns;
      this.widths = widths;
    }

    Row row() {
      return new Row(++rowCount);
    }

    /** A row being written, its cells in column order; it closes when the next row or the sheet starts. */
    final class Row {
      private final int number;

      Row(int number) {
        this.number = number;
        rows.append(number == 1 ? "" : "</row>").append("<row r=\"").append(number).append("\">");
      }

      void text(int column, String value, int style) {
        // xml:space only where a space at an end would be lost: Excel writes it so, though the schema has no room for it.
        boolean spaced = !value.isEmpty() && (Character.isWhitespace(value.charAt(0))
            || Character.isWhitespace(value.charAt(value.length() - 1)));
        rows.append("<c r=\"").append(column(column)).append(number).append("\" s=\"").append(style)
            .append("\" t=\"inlineStr\"><is><t").append(spaced ? " xml:space=\"preserve\">" : ">")
            .append(OpenXmlPackage.text(value)).append("</t></is></c>");
      }

      // A missing or non-finite figure is an empty cell of the number's style.
      void number(int column, Double value, int style) {
        rows.append("<c r=\"").append(column(column)).append(number).append("\" s=\"").append(style).append('"');
        if (value == null || value.isNaN() || value.isInfinite()) {
          rows.append("/>");
        } else {
          rows.append("><v>").append(BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()).append("</v></c>");
        }
      }
    }

    String xml() {
      StringBuilder xml = new StringBuilder("<worksheet xmlns=\"" + MAIN + "\" xmlns:r=\"" + OpenXmlPackage.RELATIONSHIPS + "\">")
          .append("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>")
          .append("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\"")
          .append(" state=\"frozen\"/><selection pane=\"bottomLeft\"/></sheetView></sheetViews><cols>");
      for (int c = 0; c < widths.size(); c++) {
        xml.append("<col min=\"").append(c + 1).append("\" max=\"").append(c + 1).append("\" width=\"").append(widths.get(c))
            .append("\" customWidth=\"1\"/>");
      }
      return xml.append("</cols><sheetData>").append(rows).append(rowCount == 0 ? "" : "</row>").append("</sheetData>")
          .append("<autoFilter ref=\"A1:").append(column(columns - 1)).append("1\"/>")
          .append("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>")
          .append("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>")
          .toString();
    }
  }

  /** The letters of the 0-based {@code column}: A, …, Z, AA, … */
  static String column(int column) {
    StringBuilder letters = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      letters.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return letters.toString();
  }
}
