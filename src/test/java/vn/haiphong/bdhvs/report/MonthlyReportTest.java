package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.PlanTargets;
import vn.haiphong.bdhvs.reference.WardDirectory;

class MonthlyReportTest {
  @TempDir static Path warehouse;
  static Path report;
  static String html;

  @BeforeAll
  static void writeReport() throws Exception {
    report = MonthlyReport.withReference().write(ReportWarehouse.write(warehouse), YearMonth.of(2025, 11)).get(0);
    html = Files.readString(report);
  }

  @Test
  void write_putsTheReportItsWorkbookAndDocumentUnderReportsAndLeavesNothingAside() throws Exception {
    assertEquals(warehouse.resolve("reports/2025-11.html"), report);
    try (Stream<Path> files = Files.list(warehouse.resolve("reports"))) {
      assertEquals(List.of("2025-11.docx", "2025-11.html", "2025-11.xlsx"), files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void html_isVietnameseAndTitled() {
    assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"vi\">"));
    assertTrue(html.contains("<meta charset=\"utf-8\">"));
    assertTrue(html.contains("<title>Báo cáo kết quả thực hiện phong trào Bình dân học vụ số — tháng 11/2025</title>"));
  }

  @Test
  void html_hasEverySection() {
    for (String id : List.of("kpi", "trends", "map", "ranking", "wards", "gaps", "quality")) {
      assertTrue(html.contains("<section id=\"" + id + "\">"), id);
    }
  }

  @Test
  void html_isSelfContained() {
    assertFalse(html.contains("<script"), "no script");
    assertFalse(Pattern.compile("(src|href)=\"(https?:)?//").matcher(html).find(), "nothing fetched");
    assertFalse(html.contains("@import") || html.contains("url("), "no external style or font");
  }

  @Test
  void narrative_opensWithTheDocumentHeaderAndSentencesDraftedFromTheCube() {
    assertTrue(html.contains("<div class=\"doc-header\"><p>ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG</p>"), "the document header");
    String narrative = section("narrative");
    assertTrue(narrative.contains("Tính đến ngày 30/11/2025, cuộc thi đã có "
        + ReportNumbers.format(ReportWarehouse.REGISTRANTS_NOV) + " thí sinh đăng ký"), narrative);
    assertTrue(html.indexOf("id=\"narrative\"") < html.indexOf("id=\"kpi\""), "the narrative before Phụ lục's table");
  }

  @Test
  void kpiTable_listsTheCatalogIndicatorsWithFiguresTargetsAndStatus() {
    String kpi = section("kpi");
    IndicatorCatalog catalog = IndicatorCatalog.load();
    assertEquals(catalog.indicators().size(), Pattern.compile("<tr><td class=\"num stt\" data-label=\"STT\">\\d+</td>").matcher(kpi).results().count());
    String ps = catalog.byCode("PS_SKILLED_RATE").orElseThrow().nameVi();
    assertTrue(kpi.contains("<th class=\"target\">Mục tiêu 2025</th><th class=\"target\">Mục tiêu 2026</th>"
        + "<th class=\"target\">Mục tiêu 2030</th><th>Thực hiện</th>"), "the three horizon columns");
    assertTrue(kpi.contains("<td class=\"name\">" + HtmlText.escape(ps) + "</td><td class=\"num target\" data-label=\"Mục tiêu 2025\">80%</td>"
        + "<td class=\"num target\" data-label=\"Mục tiêu 2026\">—</td><td class=\"num target\" data-label=\"Mục tiêu 2030\">100%</td>"),
        "targets 2025 and 2030 of reference/plan_targets.csv; the Việt Trì template's 2026 figure is in force nowhere");
    // reference/plan_targets.csv: the education plan sets parents 80% for 2025 and 90% for 2030, nothing for 2026.
    String parents = catalog.byCode("PAR_SKILLED_RATE").orElseThrow().nameVi();
    assertTrue(kpi.contains("<td class=\"name\">" + HtmlText.escape(parents) + "</td><td class=\"num target\" data-label=\"Mục tiêu 2025\">80%</td>"
        + "<td class=\"num target\" data-label=\"Mục tiêu 2026\">—</td><td class=\"num target\" data-label=\"Mục tiêu 2030\">90%</td>"),
        "no 2026 target: a dash, never 0");
    assertTrue(kpi.contains("311.243"));
    assertTrue(kpi.contains("233,41 Mbps<div class=\"delta\">tăng 61 Mbps so với tháng 9/2025</div>"));
    assertTrue(kpi.contains("<div class=\"delta\">giảm 3 trạm so với tháng 10/2025</div>"));
    assertTrue(kpi.contains("Chưa có mục tiêu") && kpi.contains("<sup title=\"Số liệu tạm tính\">*</sup>"));
  }

  @Test
  void kpiTable_hasAColumnForEveryYearThePlansSetATargetFor() {
    // A target of a year without its column would be read by the cube but never shown.
    PlanTargets targets = PlanTargets.load(WardDirectory.load());
    targets.targets().forEach(t -> assertTrue(KpiTable.TARGET_YEARS.contains(t.year()), t.toString()));
  }

  @Test
  void kpiTable_marksTheRatesOverAnEstimatedPopulation() {
    String kpi = section("kpi");
    assertTrue(kpi.contains("data-indicator=\"RES_BASIC_SKILL_RATE_MEASURED\">"), "the measured rate is there");
    int measured = kpi.indexOf("data-indicator=\"RES_BASIC_SKILL_RATE_MEASURED\">");
    assertTrue(kpi.substring(measured, kpi.indexOf("</td>", measured)).contains("(ước tính)"), "measured: estimated denominator");
    int reported = kpi.indexOf("data-indicator=\"RES_BASIC_SKILL_RATE\">");
    assertFalse(kpi.substring(reported, kpi.indexOf("</td>", reported)).contains("ước tính"), "reported: the units' own count");
  }

  @Test
  void kpiTable_projectsWhenEachTargetedIndicatorMeetsItsTarget() {
    String kpi = section("kpi");
    int ps = kpi.indexOf("data-indicator=\"PS_SKILLED_RATE\">");
    // 64, 68, 72% over three months, 80% due in 2025: the line meets it in 1/2026 (cubes/target_projection).
    assertTrue(kpi.substring(ps, kpi.indexOf("</tr>", ps)).contains("<div class=\"delta projection\">không đạt trước 2026</div>"));
    int bts = kpi.indexOf("data-indicator=\"BTS_4G\">");
    assertFalse(kpi.substring(bts, kpi.indexOf("</tr>", bts)).contains("projection"), "no target, no projection");
    assertTrue(kpi.contains(vn.haiphong.bdhvs.cube.TargetProjection.METHOD), "the method and its window are stated");
  }

  @Test
  void wardTable_hasARowPerWard() {
    assertEquals(114, Pattern.compile("<tr><td class=\"num stt\" data-label=\"STT\">\\d+</td><td class=\"code\" data-label=\"Mã\">\\d{5}</td>")
        .matcher(section("wards")).results().count());
  }

  @Test
  void tableOfContents_numbersOnlyOnce() {
    String nav = html.substring(html.indexOf("<nav>"), html.indexOf("</nav>"));
    assertTrue(nav.startsWith("<nav><ul>") && !nav.contains("<ol>"), "the headings carry the numbers");
    assertTrue(nav.contains(">I. Kết quả thực hiện"));
  }

  @Test
  void trends_drawOneChartPerIndicatorOverTheMonths() {
    String trends = section("trends");
    assertEquals(IndicatorCatalog.load().indicators().size(), Pattern.compile("<figure class=\"trend\">").matcher(trends).results().count());
    assertTrue(trends.contains(">9/2025</text>") && trends.contains(">11/2025</text>"));
  }

  @Test
  void trends_haveAYAxisWithItsUnitAndALegendNamingTheTarget() {
    String trends = section("trends");
    int start = trends.indexOf("aria-label=\"" + HtmlText.escape(IndicatorCatalog.load().byCode("PS_SKILLED_RATE").orElseThrow().nameVi()) + "\"");
    String chart = trends.substring(start, trends.indexOf("</figure>", start));
    assertTrue(chart.contains("text-anchor=\"end\">%</text>"), "unit of the axis");
    assertTrue(chart.contains(">0</text>") && chart.contains(">50</text>") && chart.contains(">100</text>"), "ticks");
    assertTrue(chart.contains("<i class=\"k-line\"></i>Thực hiện</span>"), "legend: the figures");
    assertTrue(chart.contains("<i class=\"k-target\"></i>Mục tiêu năm 2025: 80%</span>"), "legend: the target");
    int bts = trends.indexOf("aria-label=\"" + HtmlText.escape(IndicatorCatalog.load().byCode("BTS_4G").orElseThrow().nameVi()) + "\"");
    assertTrue(trends.substring(bts, trends.indexOf("</figure>", bts)).contains("text-anchor=\"end\">trạm</text>"), "what a count counts");
  }

  @Test
  void map_numbersTheTopAndBottomTenAndNamesThemBesideIt() {
    String map = section("map");
    assertEquals(10, Pattern.compile("<g class=\"badge top\">").matcher(map).results().count());
    assertEquals(10, Pattern.compile("<g class=\"badge bottom\">").matcher(map).results().count());
    assertTrue(map.contains("<h4>10 xã, phường cao nhất</h4><ol>") && map.contains("<h4>10 xã, phường thấp nhất</h4><ol>"));
    assertTrue(map.contains("Bạch Long Vĩ (phóng to,</text><text x=\"4\" y=\"24\">khác tỷ lệ bản đồ)") && !map.contains("tỷ lệ khác"));
  }

  @Test
  void gaps_listOnlyTheFlaggedWards() {
    String gaps = section("gaps");
    assertTrue(gaps.contains("<tr class=\"flagged\"><td data-label=\"Xã, phường\">Thành Đông</td>"));
    assertFalse(gaps.contains("Hải Dương"), "a gap within the margin is counted, not listed");
    assertTrue(gaps.contains("1 lượt so sánh khác có chênh lệch trong ngưỡng cho phép"));
  }

  @Test
  void quality_showsRejectsCompletenessProvisionalFreshnessAndEscapedNotes() {
    String quality = section("quality");
    assertTrue(quality.contains("<td data-label=\"Lý do\">Tệp sai định dạng dữ liệu</td><td class=\"num\" data-label=\"Số bản ghi\">2</td>"));
    assertTrue(quality.contains("Đã nhận ") && quality.contains("Nộp đúng hạn "));
    // UB-10507's report approved, UB-10525's two versions and SO-GDDT's report not: the city's approval, in words.
    assertTrue(quality.contains("Đã phê duyệt 1/3 báo cáo đã nhận; số liệu dựa trên báo cáo chưa phê duyệt là số liệu tạm tính"),
        quality);
    assertTrue(quality.contains("2 chỉ tiêu còn tạm tính"));
    assertTrue(quality.contains("<tr><td data-label=\"Nguồn\">Báo cáo của các đơn vị</td><td data-label=\"Lần giao mới nhất\">09/12/2025</td>"));
    assertTrue(quality.contains("<tr><td data-label=\"Nguồn\">Số liệu viễn thông</td><td data-label=\"Lần giao mới nhất\">tháng 11/2025</td>"));
    assertTrue(quality.contains("Lần cập nhật gần nhất kết thúc lúc 07:09 ngày 10/12/2025, đã cập nhật số liệu."), "local time, status in words");
    assertTrue(quality.contains("<b>UBND phường Thành Đông</b> (09:12 ngày 03/12/2025, đúng hạn)"), "unit by name, local submission time");
    assertTrue(quality.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; tệp [U+202E]fdp.exe"));
    assertTrue(quality.contains("<td class=\"file\" data-label=\"Ví dụ tệp\">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.json</td>"), "file name escaped");
  }

  @Test
  void quality_listsTheImpossibleFigureByNamesWithItsFractionAndReasonAndCountsIt() {
    String quality = section("quality");
    String row = "<tr><td data-label=\"Xã, phường\">Bạch Long Vĩ</td>"
        + "<td data-label=\"Nhóm đối tượng\">Mọi nhóm đối tượng</td>"
        + "<td data-label=\"Chỉ tiêu\">" + HtmlText.escape(IndicatorCatalog.load().byCode(ReportWarehouse.IMPOSSIBLE_INDICATOR)
            .orElseThrow().nameVi()) + "</td>"
        + "<td class=\"num\" data-label=\"Giá trị\">435,7%</td><td class=\"num\" data-label=\"Tử số\">4.357</td>"
        + "<td class=\"num\" data-label=\"Mẫu số\">1.000</td><td data-label=\"Lý do\">Tỷ lệ trên 100%; Tử số lớn hơn mẫu số</td></tr>";
    assertTrue(quality.contains(row), "ward, group and indicator by name, value, fraction, reason");
    assertTrue(quality.contains("<p class=\"summary\">1 số liệu không hợp lý cần kiểm tra, 2 chỉ tiêu còn tạm tính, 2 bản ghi bị loại.</p>"));
    assertFalse(quality.contains("11948") || quality.contains("EW_SKILLED_RATE") || quality.contains("check_data"), "codes stay in data");
  }

  @Test
  void quality_showsNoParserMessageNorCodeNorTheCubesJob() {
    String quality = section("quality");
    assertFalse(quality.contains("unexpected token") || quality.contains("truncated"), "parser messages are for whoever fixes the file");
    assertFalse(quality.contains("file_invalid_json") || quality.contains("UB-10507") || quality.contains("run-20251210"), "codes stay in data");
    assertFalse(quality.contains(">cubes<") || quality.contains("published"), "the cube job is no source");
  }

  @Test
  void write_monthWithoutCubeIsAUserErrorNamingTheFolder() {
    UserError e = assertThrows(UserError.class, () -> MonthlyReport.withReference().write(warehouse, YearMonth.of(2025, 12)));
    assertTrue(e.getMessage().contains("no indicator cube for 2025-12") && e.getMessage().contains("month=2025-12")
        && e.getMessage().contains("[2025-09, 2025-10, 2025-11]"), e.getMessage());
  }

  private static String section(String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    return html.substring(start, html.indexOf("</section>", start));
  }
}
