package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report as a real headless Chromium loads it, offline, from a file:// URL. */
class ChromiumReportTest {
  @TempDir static Path warehouse;
  static Path report;
  static String dom;

  @BeforeAll
  static void loadReportInChromium() {
    report = MonthlyReport.withReference().write(ReportWarehouse.write(warehouse), YearMonth.of(2025, 11));
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

  /** The screenshot and the page it shows are build artifacts under target/, to look at (not committed). */
  @Test
  void screenshot_isWrittenUnderTarget() throws Exception {
    Files.copy(report, Path.of("target/report-sample.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path png = Path.of("target/report-screenshot.png");
    Files.deleteIfExists(png);
    HeadlessChromium.screenshot(report, png, 1280, 2400);
    assertTrue(Files.size(png) > 10_000, "a real picture, not an empty page");
  }
}
