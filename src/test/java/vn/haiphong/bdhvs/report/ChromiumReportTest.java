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
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.ingest.RejectReason;

/** The report as a real headless Chromium loads it, offline, from a file:// URL. */
class ChromiumReportTest {
  static final int DESKTOP = 1280;
  static final int PHONE = 390;
  @TempDir static Path warehouse;
  static Path report;
  static String dom;

  @BeforeAll
  static void loadReportInChromium() {
    report = MonthlyReport.withReference().write(ReportWarehouse.write(warehouse), YearMonth.of(2025, 11)).get(0);
    dom = HeadlessChromium.dumpDom(report);
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
    HeadlessChromium.Layout phone = HeadlessChromium.layout(report, PHONE);
    assertEquals(PHONE, phone.innerWidth());
    assertTrue(phone.scrollWidth() <= phone.innerWidth(), "page " + phone.scrollWidth() + " px wide in a " + PHONE + " px window");
  }

  @Test
  void desktop_nothingScrollsSidewaysAndThePageStaysShort() {
    HeadlessChromium.Layout desktop = HeadlessChromium.layout(report, DESKTOP);
    assertTrue(desktop.scrollWidth() <= desktop.innerWidth(), desktop.scrollWidth() + " px");
    assertTrue(desktop.scrollHeight() < 20_000, "the page is " + desktop.scrollHeight() + " px tall");
  }

  /** Codes the data keeps and English words of the pipeline, none of which an official should read. */
  @Test
  void visibleText_hasNoCodeNorEnglishWord() {
    List<String> codes = new ArrayList<>(VietLabels.REJECT_REASONS.keySet());
    Stream.of(RejectReason.values()).map(RejectReason::code).forEach(codes::add);
    Stream.of(StatusLabel.values()).map(s -> s.code).forEach(codes::add);
    codes.addAll(VietLabels.RUN_STATUSES.keySet());
    codes.addAll(List.of("published", "cubes", "ALL", "UNKNOWN", "unit-reports", "telecom", "contest", "course",
        "null", "NaN", "run-20251210T000000Z", "detail", "source", "unexpected", "truncated", "UB-10507", "percent", "count", "mbps"));
    for (int width : List.of(DESKTOP, PHONE)) {
      String text = HeadlessChromium.layout(report, width).innerText();
      assertTrue(text.contains("Báo cáo kết quả thực hiện"), "the visible text of the page");
      for (String code : codes) {
        assertFalse(Pattern.compile("(?<![\\p{L}\\d])" + Pattern.quote(code) + "(?![\\p{L}\\d])").matcher(text).find(),
            "'" + code + "' is visible at " + width + " px");
      }
    }
  }

  /** The screenshots and the page they show are build artifacts under target/, to look at (not committed). */
  @Test
  void screenshots_areWrittenUnderTargetAtBothWidths() throws Exception {
    Files.copy(report, Path.of("target/report-sample.html"), StandardCopyOption.REPLACE_EXISTING);
    for (int width : List.of(DESKTOP, PHONE)) {
      Path png = Path.of("target/report-screenshot-" + width + ".png");
      Files.deleteIfExists(png);
      HeadlessChromium.screenshot(report, png, width, 2400);
      assertTrue(Files.size(png) > 10_000, "a real picture, not an empty page");
    }
  }
}
