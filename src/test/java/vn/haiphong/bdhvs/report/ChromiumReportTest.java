package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.codes.RejectReason;

/**
 * The reports as a real headless Chromium loads them, offline, from a file:// URL: the city's, one
 * ward's, one department's and the index, all written as the nightly run writes them.
 */
@Order(7)
class ChromiumReportTest {
  static final int DESKTOP = 1280;
  static final int PHONE = 390;
  static final YearMonth MONTH = YearMonth.of(2025, 11);
  static final String WARD = "10507";
  static final String DEPARTMENT = "SO-GDDT";
  @TempDir static Path warehouse;
  static List<Path> written;
  static Path report;
  static Path ward;
  static Path department;
  static Path index;
  static String dom;
  // Each page × width laid out once, for the tests that measure it and those that read it.
  private static Map<HeadlessChromium.Window, HeadlessChromium.Layout> layouts;

  @BeforeAll
  static void loadReportInChromium() {
    written = MonthlyReport.withReference().write(ReportWarehouse.write(warehouse), MONTH, MonthlyReport.Selection.ALL, null);
    report = written.get(0);
    ward = warehouse.resolve("reports/2025-11/xa-phuong/" + WARD + ".html");
    department = warehouse.resolve("reports/2025-11/don-vi/" + DEPARTMENT + ".html");
    index = warehouse.resolve("reports/2025-11/index.html");
    dom = HeadlessChromium.dumpDom(report);
    List<HeadlessChromium.Window> windows = new ArrayList<>();
    for (Path page : List.of(report, ward, department, index)) {
      for (int width : List.of(DESKTOP, PHONE)) {
        windows.add(new HeadlessChromium.Window(page, width));
      }
    }
    layouts = HeadlessChromium.layouts(windows);
  }

  static HeadlessChromium.Layout layout(Path page, int width) {
    return layouts.get(new HeadlessChromium.Window(page, width));
  }

  @Test
  void dom_holdsTheKpiFiguresAndTheDeltaPhrases() {
    assertTrue(dom.contains("311.243"), "registrants");
    assertTrue(dom.contains("233,41 Mbps"), "mobile download");
    assertTrue(dom.contains("tăng 61 Mbps so với tháng 9/2025"), "speed against the baseline");
    assertTrue(dom.contains("giảm 3 trạm so với tháng 10/2025"), "stations against the previous month");
    assertTrue(dom.contains("<html lang=\"vi\">"), "language");
  }

  @Test
  void dom_mapHasOnePathPerUnit() {
    int start = dom.indexOf("<figure class=\"map\">");
    String map = dom.substring(start, dom.indexOf("</figure>", start));
    assertEquals(114, Pattern.compile("<path data-ward=\"\\d{5}\"").matcher(map).results().count());
  }

  @Test
  void dom_hostileNoteIsTextAndInjectsNothing() {
    assertTrue(dom.contains("Đã tổ chức 3 lớp &lt;script&gt;alert(1)&lt;/script&gt; \"&gt;&lt;img src=x onerror=alert(1)&gt;"), "note as text");
    assertTrue(dom.contains("[U+202E]fdp.exe"), "RTL override shown, not applied");
    assertFalse(dom.contains("\u202E"), "no raw RTL override");
    assertFalse(dom.contains("<img"), "no injected image");
    assertEquals(0, Pattern.compile("<script").matcher(dom).results().count(), "no script element at all");
    assertFalse(Pattern.compile("<[a-z]+[^>]*\\sonerror=").matcher(dom).find(), "no onerror attribute");
  }

  @Test
  void phone_nothingScrollsSideways() {
    HeadlessChromium.Layout phone = layout(report, PHONE);
    assertEquals(PHONE, phone.innerWidth());
    assertTrue(phone.scrollWidth() <= phone.innerWidth(), "page " + phone.scrollWidth() + " px wide in a " + PHONE + " px window");
  }

  @Test
  void desktop_nothingScrollsSidewaysAndThePageStaysShort() {
    HeadlessChromium.Layout desktop = layout(report, DESKTOP);
    assertTrue(desktop.scrollWidth() <= desktop.innerWidth(), desktop.scrollWidth() + " px");
    assertTrue(desktop.scrollHeight() < 20_000, "the page is " + desktop.scrollHeight() + " px tall");
  }

  /** Codes the data keeps and English words of the pipeline, none of which an official should read. */
  static List<String> codes() {
    List<String> codes = new ArrayList<>(VietLabels.REJECT_REASONS.keySet());
    Stream.of(RejectReason.values()).map(RejectReason::code).forEach(codes::add);
    Stream.of(StatusLabel.values()).map(s -> s.code).forEach(codes::add);
    codes.addAll(VietLabels.RUN_STATUSES.keySet());
    codes.addAll(VietLabels.OUTLIER_METHODS.keySet());
    codes.addAll(VietLabels.RULE_IMPORTANCE.keySet());
    codes.addAll(List.of("published", "cubes", "ALL", "UNKNOWN", "unit-reports", "telecom", "contest", "course",
        "null", "NaN", "run-20251210T000000Z", "run-fixture", "detail", "source", "unexpected", "truncated", "UB-10507",
        "SO-GDDT", "VR01", "VR02", "officials_total", "officials_skilled", "households_digital", "community_class_held",
        "percent", "count", "mbps", "month", "department", "ward", "phuong", "dac_khu"));
    return codes;
  }

  @Test
  void visibleText_hasNoCodeNorEnglishWord() {
    for (Path page : List.of(report, ward, department, index)) {
      for (int width : List.of(DESKTOP, PHONE)) {
        String text = layout(page, width).innerText();
        assertTrue(text.contains("Báo cáo"), "the visible text of " + page);
        for (String code : codes()) {
          assertFalse(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(code) + "(?![\\p{L}\\d])").matcher(text).find(),
              "'" + code + "' is visible in " + page.getFileName() + " at " + width + " px");
        }
      }
    }
  }

  @Test
  void scopePages_nothingScrollsSidewaysOnAPhoneNorOnADesktop() {
    for (Path page : List.of(ward, department, index)) {
      for (int width : List.of(PHONE, DESKTOP)) {
        HeadlessChromium.Layout l = layout(page, width);
        assertEquals(width, l.innerWidth());
        assertTrue(l.scrollWidth() <= l.innerWidth(), page.getFileName() + " is " + l.scrollWidth() + " px wide in a " + width + " px window");
      }
    }
  }

  /** The ward's own figures from the cube, its place, its units' reports, its findings and its projections. */
  @Test
  void wardReport_showsTheWardsFiguresRankReportsFindingsAndProjections() {
    String text = layout(ward, DESKTOP).innerText();
    assertTrue(text.contains("Phường Thành Đông"), "the ward by name");
    WardFigures wards;
    List<ReportSource.Projected> projected;
    try (ReportSource source = new ReportSource(warehouse)) {
      wards = new WardFigures(source.wardRows(MONTH));
      projected = source.projections(MONTH).stream().filter(p -> p.wardCode().equals(WARD)).toList();
    }
    java.util.Collection<CubeRow> rows = wards.rows(WARD);
    assertFalse(rows.isEmpty());
    for (CubeRow r : rows) {
      assertTrue(text.contains(ReportNumbers.withUnit(r.value(), r.unit())), r.indicatorCode() + " of the ward");
    }
    for (String code : MonthlyReport.WARD_COLUMNS) {
      WardRanking.Place place = WardRanking.place(code, WARD, wards).orElseThrow();
      assertTrue(text.contains(place.position() + "/" + place.of()), "place in " + code);
    }
    assertFalse(projected.isEmpty());
    projected.forEach(p -> assertTrue(text.contains(p.outcomeVi()), p.indicatorCode() + ": " + p.outcomeVi()));
    assertTrue(text.contains("UBND phường Thành Đông") && text.contains("Đúng hạn"), "its unit reported on time");
    assertTrue(text.contains(DataFindings.VIOLATION) && text.contains("chỉ nhận 1 (có) hoặc 0 (không)"), "rule VR01 in words");
    assertTrue(text.contains("Số lũy kế giảm so với kỳ trước") && text.contains("4.412"), "the outlier, its value");
    assertTrue(text.contains(DataFindings.GAP), "the ward's flagged gap");
    assertFalse(text.contains("UBND phường Hải Dương"), "another ward's unit");
  }

  @Test
  void departmentReport_showsItsReportedFiguresStatusAndFindings() {
    String text = layout(department, DESKTOP).innerText();
    assertTrue(text.contains("Sở Giáo dục và Đào tạo"));
    assertTrue(text.contains("Tổng số cán bộ, công chức, viên chức, người lao động của đơn vị") && text.contains("1.200"), "officials");
    assertTrue(text.contains("1.315"), "skilled officials");
    assertTrue(text.contains("Đúng hạn"), "its November report came on time");
    assertTrue(text.contains("không được vượt tổng số cán bộ"), "rule VR02 in words");
  }

  @Test
  void index_linksEveryWardAndDepartmentWithItsStatusCounts() throws Exception {
    String html = Files.readString(index);
    assertEquals(114, Pattern.compile("<a href=\"xa-phuong/\\d{5}\\.html\">").matcher(html).results().count());
    assertEquals(MonthlyReport.withReference().departments().size(), Pattern.compile("<a href=\"don-vi/[A-Z-]+\\.html\">").matcher(html).results().count());
    String text = layout(index, PHONE).innerText();
    assertTrue(text.contains("Thành Đông") && text.contains("Sở Giáo dục và Đào tạo"));
    assertTrue(Pattern.compile("Đạt \\d+").matcher(text).find(), "achieved figures counted");
    assertTrue(Files.readString(report).contains("<a href=\"2025-11/index.html\">"), "the city report links the index");
    assertTrue(Files.readString(ward).contains("<a href=\"../../2025-11.html\">"), "a ward's report links the city's");
  }

  @Test
  void cityPdf_isPrintedBesideThePage() throws Exception {
    // The suite's nightly runs print none (BDHVS_CHROMIUM=none, pom.xml): this one prints with the test's browser.
    Path pdf = ChromiumPdf.print(report, java.util.Optional.of(HeadlessChromium.installed())).orElseThrow();
    assertEquals(warehouse.resolve("reports/2025-11.pdf"), pdf);
    byte[] bytes = Files.readAllBytes(pdf);
    assertEquals("%PDF", new String(bytes, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertTrue(bytes.length > 20_000, bytes.length + " bytes");
    try (Stream<Path> files = Files.list(warehouse.resolve("reports"))) {
      assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "nothing left aside");
    }
  }

  /** The screenshots and the page they show are build artifacts under target/, to look at (not committed). */
  @Test
  void screenshots_areWrittenUnderTargetAtBothWidths() throws Exception {
    Files.copy(report, Path.of("target/report-sample.html"), StandardCopyOption.REPLACE_EXISTING);
    List<Runnable> shots = new ArrayList<>();
    for (int width : List.of(DESKTOP, PHONE)) {
      for (Map.Entry<String, Path> page : Map.of("report", report, "report-ward", ward).entrySet()) {
        Path png = Path.of("target/" + page.getKey() + "-screenshot-" + width + ".png");
        Files.deleteIfExists(png);
        shots.add(() -> HeadlessChromium.screenshot(page.getValue(), png, width, 2400));
      }
    }
    // Two browsers at a time: a start is mostly waiting.
    shots.parallelStream().forEach(Runnable::run);
    for (int width : List.of(DESKTOP, PHONE)) {
      for (String page : List.of("report", "report-ward")) {
        assertTrue(Files.size(Path.of("target/" + page + "-screenshot-" + width + ".png")) > 10_000, "a real picture, not an empty page");
      }
    }
  }
}
