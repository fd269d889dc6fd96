package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
  @TempDir Path tmp;

  private static Cli.Result run(String... args) {
    return Cli.execute(args);
  }

  @Test
  void report_helpShowsAnExample() {
    Cli.Result r = run("report", "--help");
    assertEquals(Main.OK, r.code());
    assertTrue(r.out().contains("bdhvs report --warehouse /data/wh --month 2025-11"), r.out());
  }

  @Test
  void report_missingCubeExitsTwoNamingTheMonth() throws Exception {
    Files.createDirectories(tmp.resolve("wh"));
    Cli.Result r = run("report", "--warehouse", tmp.resolve("wh").toString(), "--month", "2025-11");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("no indicator cube for 2025-11"), r.err());
  }

  @Test
  void report_withoutMonthAndNoClosedMonthExitsTwoSayingSo() throws Exception {
    Files.createDirectories(tmp.resolve("wh"));
    Cli.Result r = run("report", "--warehouse", tmp.resolve("wh").toString());
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("no closed month yet"), r.err());
  }

  @Test
  void report_unknownWardOrUnitExitsTwoNamingTheCode() throws Exception {
    Files.createDirectories(tmp.resolve("wh"));
    Cli.Result ward = run("report", "--warehouse", tmp.resolve("wh").toString(), "--month", "2025-11", "--ward", "99999");
    assertEquals(Main.BAD_INPUT, ward.code());
    assertTrue(ward.err().contains("--ward 99999: no such ward"), ward.err());
    Cli.Result unit = run("report", "--warehouse", tmp.resolve("wh").toString(), "--month", "2025-11", "--unit", "SO-XYZ");
    assertEquals(Main.BAD_INPUT, unit.code());
    assertTrue(unit.err().contains("--unit SO-XYZ: no such reporting unit"), unit.err());
  }

  @Test
  void report_wardAndAllTogetherExitTwo() throws Exception {
    Cli.Result r = run("report", "--warehouse", tmp.toString(), "--month", "2025-11", "--ward", "10507", "--all");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
  }

  @Test
  void report_badMonthExitsTwo() {
    Cli.Result r = run("report", "--warehouse", tmp.toString(), "--month", "11/2025");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("expected a month yyyy-MM"), r.err());
  }
}
