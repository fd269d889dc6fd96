package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which browser prints the city report's PDF; the printing itself is ChromiumReportTest's. */
class ChromiumPdfTest {
  @Test
  void browser_isTheVariablesOrTheFirstOnThePath_andNoneTurnsThePdfOff(@TempDir Path bin) throws Exception {
    Path fake = Files.createFile(bin.resolve("chromium-browser"));
    fake.toFile().setExecutable(true);
    assertEquals(java.util.Optional.of(fake), ChromiumPdf.browser(Map.of("PATH", "/nonexistent:" + bin)));
    assertEquals(java.util.Optional.empty(), ChromiumPdf.browser(Map.of("PATH", "/nonexistent")));
    assertEquals(java.util.Optional.empty(), ChromiumPdf.browser(Map.of("PATH", bin.toString(), ChromiumPdf.BROWSER_VARIABLE, "none")));
    assertEquals(java.util.Optional.of(fake), ChromiumPdf.browser(Map.of(ChromiumPdf.BROWSER_VARIABLE, fake.toString())));
  }
}
