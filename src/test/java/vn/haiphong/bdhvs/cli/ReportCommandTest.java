package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path tmp;

  private static String[] run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    ByteArrayOutputStream e = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      return new String[] {String.valueOf(code), o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void report_helpShowsAnExample() {
    String[] r = run("report", "--help");
    assertEquals("0", r[0]);
    assertTrue(r[1].contains("bdhvs report --warehouse /data/wh --month 2025-11"), r[1]);
  }

  @Test
  void report_missingCubeExitsTwoNamingTheMonth() throws Exception {
    Files.createDirectories(tmp.resolve("wh"));
    String[] r = run("report", "--warehouse", tmp.resolve("wh").toString(), "--month", "2025-11");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("no indicator cube for 2025-11"), r[2]);
  }

  @Test
  void report_badMonthExitsTwo() {
    String[] r = run("report", "--warehouse", tmp.toString(), "--month", "11/2025");
    assertEquals("2", r[0]);
    assertTrue(r[2].contains("expected a month yyyy-MM"), r[2]);
  }
}
