package vn.haiphong.bdhvs.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.cube.TargetProjection;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.Ward;

/**
 * A report as an editable Word document an official completes, signs and forwards — the city's
 * {@code reports/<month>.docx}, a ward's or a unit's beside its page: its heading, its narrative and
 * its tables ({@link ReportContents}) as real tables (A4 landscape: the ward table is wide). Figures written as
 * the page writes them ({@link ReportNumbers}); text from outside goes in as plain runs. Written as
 * WordprocessingML text ({@link OpenXmlPackage}), in the schema's order of elements, which Word insists on.
 */
final class OfficeDocument {
  static final String ORG = "THÀNH PHỐ HẢI PHÒNG — Phong trào \"Bình dân học vụ số\"";
  static final List<String> KPI_HEADERS = Stream.of(List.of("STT", "Chỉ tiêu"), KpiTable.TARGET_HEADERS,
      List.of("Thực hiện", "Trạng thái"), KpiTable.UNIT_HEADERS).flatMap(List::stream).toList();
  static final List<String> REPORTING_HEADERS = List.of("STT", "Đơn vị", "Kỳ báo cáo", "Tình trạng", "Nộp lần đầu lúc",
      "Số lần nộp", "Đã phê duyệt");
  static final List<String> PLACES_HEADERS = List.of("STT", "Chỉ tiêu", "Thực hiện", "Xếp hạng");
  static final List<String> REPORTED_HEADERS = List.of("STT", "Chỉ số", "Kỳ báo cáo", "Số liệu");
  static final List<String> FINDINGS_HEADERS = List.of("STT", "Loại phát hiện", "Xã, phường hoặc nguồn", "Nội dung",
      "Số liệu", "Ghi chú");
  // A4 and its 2 cm margins in twentieths of a point.
  private static final long A4_LONG = 16838;
  private static final long A4_SHORT = 11906;
  private static final long MARGIN = 1134;
  private static final long TEXT_WIDTH = A4_LONG - 2 * MARGIN;

  private static final List<String> ROMAN = List.of("I", "II", "III", "IV", "V", "VI", "VII", "VIII");
  private static final String NO_DATA = "Chưa có số liệu.";

  private static final String WORD = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

  private final StringBuilder body = new StringBuilder();
  private int sections;

  private OfficeDocument() {}

  /**
   * Writes the report: its header (the seed report's, else the movement's and the title), its narrative,
   * then its tables under headings numbered I, II, … in the order of the parts the scope has.
   */
  static void write(ReportContents c, Path target) throws IOException {
    OfficeDocument d = new OfficeDocument();
    if (c.header().isEmpty()) {
      d.paragraph(ORG, true, 12, ParagraphAlignment.CENTER);
      d.paragraph(c.title(), true, 15, ParagraphAlignment.CENTER);
    }
    c.header().forEach(line -> d.paragraph(line, true, 12, ParagraphAlignment.CENTER));
    for (ReportNarrative.Section s : c.narrative()) {
      d.heading(s.title());
      s.sentences().forEach(sentence -> d.paragraph(sentence, false, 12, ParagraphAlignment.BOTH));
    }
    c.kpi().ifPresent(d::kpi);
    c.wards().ifPresent(d::wards);
    c.places().ifPresent(d::places);
    c.reported().ifPresent(d::reported);
    d.reporting(c.reporting());
    d.findings(c.findings());
    d.paragraph(ReportContents.NOTE, false, 9, ParagraphAlignment.LEFT);
    OpenXmlPackage docx = new OpenXmlPackage(c.title());
    docx.mainPart("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "<w:document xmlns:w=\"" + WORD + "\"><w:body>" + d.body + landscape()
        + "</w:body></w:document>");
    docx.write(target);
  }

  private void kpi(ReportContents.Kpi kpi) {
    numbered(kpi.heading());
    if (kpi.rows().isEmpty()) {
      paragraph(NO_DATA, false, 11, ParagraphAlignment.LEFT);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (KpiTable.Row k : kpi.rows()) {
      CubeRow r = k.figure();
      String done = ReportNumbers.withUnit(r.value(), r.unit()) + (r.provisional() ? "*" : "")
          + (k.estimated() ? " (ước tính)" : "") + k.delta().map(p -> "\n" + p).orElse("");
      String status = StatusLabel.of(r.status()).vi + (k.projection() == null ? "" : "\n" + k.projection().outcomeVi());
      List<String> row = new ArrayList<>(List.of(Integer.toString(k.stt()), k.indicator().nameVi()));
      for (int i = 0; i < KpiTable.TARGET_YEARS.size(); i++) {
        row.add(KpiTable.targetText(k, i));
      }
      row.add(done);
      row.add(status);
      row.add(k.indicator().leadUnit());
      row.add(KpiTable.reportedBy(k.indicator()));
      rows.add(row);
    }
    table(KPI_HEADERS, rows);
    paragraph(KpiTable.PROVISIONAL_NOTE + " " + KpiTable.ESTIMATE_NOTE + " " + TargetProjection.METHOD, false, 9,
        ParagraphAlignment.LEFT);
    kpi.rows().stream().flatMap(k -> k.stricterNotes().stream())
        .forEach(note -> paragraph(note, false, 9, ParagraphAlignment.LEFT));
  }

  private void wards(ReportContents.WardRows wards) {
    numbered("Kết quả theo xã, phường, đặc khu");
    List<String> headers = new ArrayList<>(List.of("STT", "Xã, phường, đặc khu"));
    wards.columns().forEach(i -> headers.add(WardTable.header(i)));
    List<List<String>> rows = new ArrayList<>();
    int stt = 0;
    for (Ward ward : wards.wards()) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(++stt), ward.name()));
      for (Indicator i : wards.columns()) {
        CubeRow figure = wards.figures().at(ward.code(), i.code());
        row.add(figure == null ? "—" : ReportNumbers.withUnit(figure.value(), figure.unit()));
      }
      rows.add(row);
    }
    table(headers, rows);
  }

  private void places(ReportContents.Places places) {
    numbered(places.heading());
    List<List<String>> rows = new ArrayList<>();
    for (ReportContents.Place p : places.rows()) {
      rows.add(List.of(Integer.toString(rows.size() + 1), WardTable.header(p.indicator()),
          p.figure() == null ? "—" : ReportNumbers.withUnit(p.figure().value(), p.figure().unit()), ScopeReport.placeText(p)));
    }
    table(PLACES_HEADERS, rows);
    paragraph(ScopeReport.PLACES_NOTE, false, 9, ParagraphAlignment.LEFT);
  }

  private void reported(List<ReportContents.Reported> figures) {
    numbered("Số liệu đơn vị báo cáo");
    if (figures.isEmpty()) {
      paragraph(ScopeReport.NOTHING_REPORTED, false, 11, ParagraphAlignment.LEFT);
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (ReportContents.Reported r : figures) {
      rows.add(List.of(Integer.toString(rows.size() + 1), r.metric(), r.period(), r.value() == null ? "—" : ReportNumbers.format(r.value())));
    }
    table(REPORTED_HEADERS, rows);
  }

  // The sentences (with how many received reports are approved), then whom to call: every report not received or late.
  private void reporting(ReportContents.Reporting reporting) {
    numbered(reporting.heading());
    List<String> lines = reporting.lines();
    paragraph(lines.isEmpty() ? NO_DATA : String.join("; ", lines) + ".", false, 11, ParagraphAlignment.LEFT);
    List<List<String>> rows = new ArrayList<>();
    for (UnitReporting.Due d : reporting.due()) {
      if (d.state() != UnitReporting.State.ON_TIME) {
        rows.add(List.of(Integer.toString(rows.size() + 1), d.unit().name(), UnitReporting.periodVi(d.periodType(), d.period()),
            d.state().vi(), d.submittedAt() == null ? "" : d.submittedAt(), d.versions() == 0 ? "" : Integer.toString(d.versions()),
            d.state() == UnitReporting.State.NOT_RECEIVED ? "" : d.approved() ? "Có" : "Chưa"));
      }
    }
    if (rows.isEmpty()) {
      paragraph(reporting.due().isEmpty() ? "Không có báo cáo phải nộp trong tháng."
          : "Mọi đơn vị đã nộp đúng hạn các báo cáo phải nộp.", false, 11, ParagraphAlignment.LEFT);
      return;
    }
    paragraph("Các đơn vị chưa nộp hoặc nộp muộn:", false, 11, ParagraphAlignment.LEFT);
    table(REPORTING_HEADERS, rows);
  }

  private void findings(List<DataFindings.Finding> findings) {
    numbered("Phát hiện về dữ liệu");
    List<List<String>> rows = new ArrayList<>();
    for (DataFindings.Finding d : findings) {
      rows.add(List.of(Integer.toString(rows.size() + 1), d.kind(), d.where(), d.what(), DataFindings.figureText(d), d.note()));
    }
    if (rows.isEmpty()) {
      paragraph("Không có phát hiện nào.", false, 11, ParagraphAlignment.LEFT);
      return;
    }
    table(FINDINGS_HEADERS, rows, FINDINGS_HEADERS.indexOf("Nội dung"));
  }

  // A heading of the report's tables, numbered in the order written.
  private void numbered(String title) {
    heading(ROMAN.get(sections++) + ". " + title);
  }

  // A4 landscape with its margins: the section's properties, last in the body.
  private static String landscape() {
    return "<w:sectPr><w:pgSz w:w=\"" + A4_LONG + "\" w:h=\"" + A4_SHORT + "\" w:orient=\"landscape\"/>"
        + "<w:pgMar w:top=\"" + MARGIN + "\" w:right=\"" + MARGIN + "\" w:bottom=\"" + MARGIN + "\" w:left=\"" + MARGIN
        + "\" w:header=\"709\" w:footer=\"709\" w:gutter=\"0\"/></w:sectPr>";
  }

  private void heading(String text) {
    paragraph(text, true, 13, ParagraphAlignment.LEFT);
  }

  private void paragraph(String text, boolean bold, int size, ParagraphAlignment alignment) {
    paragraph(body, text, bold, size, alignment);
  }

  private static void paragraph(StringBuilder xml, String text, boolean bold, int size, ParagraphAlignment alignment) {
    xml.append("<w:p>");
    if (alignment != null) {
      xml.append("<w:pPr><w:jc w:val=\"").append(alignment.value).append("\"/></w:pPr>");
    }
    run(xml, text, bold, size);
    xml.append("</w:p>");
  }

  // Line breaks inside a text become breaks in the run, so a cell keeps its figure and its phrase apart.
  private static void run(StringBuilder xml, String text, boolean bold, int size) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      // In the order of the run properties' schema (fonts, bold, size): Word reads them in that order.
      xml.append("<w:r><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\"/>")
          .append(bold ? "<w:b/>" : "").append("<w:sz w:val=\"").append(size * 2).append("\"/></w:rPr>")
          .append("<w:t xml:space=\"preserve\">").append(OpenXmlPackage.text(lines[i])).append("</w:t>")
          .append(i < lines.length - 1 ? "<w:br/>" : "").append("</w:r>");
    }
  }

  private void table(List<String> headers, List<List<String>> rows) {
    table(headers, rows, 1);
  }

  // STT (the first column) narrow, the {@code wide} one (a name) 30 % of the width, the others sharing
  // the rest; set in the grid too, which LibreOffice follows rather than the cells. Single lines around
  // and between the cells; the header row repeated on every page.
  private void table(List<String> headers, List<List<String>> rows, int wide) {
    List<Long> widths = new ArrayList<>();
    for (int c = 0; c < headers.size(); c++) {
      widths.add(c == 0 ? TEXT_WIDTH * 5 / 100 : c == wide ? TEXT_WIDTH * 30 / 100 : TEXT_WIDTH * 65 / 100 / (headers.size() - 2));
    }
    body.append("<w:tbl><w:tblPr><w:tblW w:w=\"").append(TEXT_WIDTH).append("\" w:type=\"dxa\"/><w:tblBorders>");
    for (String side : List.of("top", "left", "bottom", "right", "insideH", "insideV")) {
      body.append("<w:").append(side).append(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"auto\"/>");
    }
    body.append("</w:tblBorders></w:tblPr><w:tblGrid>");
    widths.forEach(w -> body.append("<w:gridCol w:w=\"").append(w).append("\"/>"));
    body.append("</w:tblGrid>");
    row(headers, widths, true);
    rows.forEach(r -> row(r, widths, false));
    body.append("</w:tbl>");
  }

  private void row(List<String> values, List<Long> widths, boolean header) {
    body.append(header ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>");
    for (int c = 0; c < values.size(); c++) {
      body.append("<w:tc><w:tcPr><w:tcW w:w=\"").append(widths.get(c)).append("\" w:type=\"dxa\"/></w:tcPr>");
      paragraph(body, values.get(c), header, 10, null);
      body.append("</w:tc>");
    }
    body.append("</w:tr>");
  }

  /** How a paragraph's lines are aligned ({@code w:jc}). */
  enum ParagraphAlignment {
    LEFT("left"), CENTER("center"), BOTH("both");

    final String value;

    ParagraphAlignment(String value) {
      this.value = value;
    }
  }
}
