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
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.runtime.UserError;

class MonthlyReportTest {
  @TempDir static Path warehouse;
  static Path report;
  static String html;

  @BeforeAll
  static void writeReport() throws Exception {
    report = MonthlyReport.withReference().write(ReportWarehouse.write(warehouse), YearMonth.of(2025, 11));
    html = Files.readString(report);
  }

  @Test
  void write_putsTheReportUnderReportsAndLeavesNothingAside() throws Exception {
    assertEquals(warehouse.resolve("reports/2025-11.html"), report);
    try (Stream<Path> files = Files.list(warehouse.resolve("reports"))) {
      assertEquals(List.of("2025-11.html"), files.map(p -> p.getFileName().toString()).toList());
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
  void kpiTable_listsTheCatalogIndicatorsWithFiguresTargetsAndStatus() {
    String kpi = section("kpi");
    IndicatorCatalog catalog = IndicatorCatalog.load();
    assertEquals(catalog.indicators().size(), Pattern.compile("<tr><td class=\"num\">\\d+</td>").matcher(kpi).results().count());
    String ps = catalog.byCode("PS_SKILLED_RATE").orElseThrow().nameVi();
    assertTrue(kpi.contains("<td>" + HtmlText.escape(ps) + "</td><td class=\"num\">80%</td><td class=\"num\">100%</td>"), "targets 2025 and 2026");
    assertTrue(kpi.contains("311.243"));
    assertTrue(kpi.contains("233,41 Mbps<div class=\"delta\">tăng 61 Mbps so với tháng 9/2025</div>"));
    assertTrue(kpi.contains("<div class=\"delta\">giảm 3 trạm so với tháng 10/2025</div>"));
    assertTrue(kpi.contains("Chưa có mục tiêu") && kpi.contains("<sup title=\"Số liệu tạm tính\">*</sup>"));
  }

  @Test
  void wardTable_hasARowPerWard() {
    assertEquals(114, Pattern.compile("<tr><td class=\"num\">\\d+</td><td>\\d{5}</td>").matcher(section("wards")).results().count());
  }

  @Test
  void trends_drawOneChartPerIndicatorOverTheMonths() {
    String trends = section("trends");
    assertEquals(IndicatorCatalog.load().indicators().size(), Pattern.compile("<figure class=\"trend\">").matcher(trends).results().count());
    assertTrue(trends.contains(">9/2025</text>") && trends.contains(">11/2025</text>"));
  }

  @Test
  void gaps_listFlaggedWardsFirst() {
    String gaps = section("gaps");
    assertTrue(gaps.indexOf("Thành Đông") < gaps.indexOf("Hải Dương"));
    assertTrue(gaps.contains("<tr class=\"flagged\"><td>Thành Đông</td>"));
  }

  @Test
  void quality_showsRejectsCompletenessProvisionalFreshnessAndEscapedNotes() {
    String quality = section("quality");
    assertTrue(quality.contains("<code>bad_json</code></td><td class=\"num\">2</td>"));
    assertTrue(quality.contains("Đã nhận ") && quality.contains("Nộp đúng hạn "));
    assertTrue(quality.contains("2 chỉ tiêu còn tạm tính"));
    assertTrue(quality.contains("<tr><td>unit-reports</td><td>2025-12-09</td>"));
    assertTrue(quality.contains("<tr><td>telecom</td><td>2025-11</td>"));
    assertTrue(quality.contains("<b>W10507</b> (03/12/2025 09:12, đúng hạn)"), "local submission time");
    assertTrue(quality.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt; tệp [U+202E]fdp.exe"));
    assertTrue(quality.contains("unit-reports/2025-12-03/&quot;&gt;&lt;img src=x onerror=alert(1)&gt;.json"), "file name escaped");
    assertTrue(quality.contains("unexpected token &lt;script&gt;"), "detail escaped");
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
