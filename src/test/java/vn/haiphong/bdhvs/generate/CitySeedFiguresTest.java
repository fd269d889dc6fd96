package vn.haiphong.bdhvs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** City scale against the seed report's November 2025 figures; slow, so tagged and excluded by default. */
@Tag("city")
class CitySeedFiguresTest {

  @TempDir
  Path out;

  @Test
  void cityScale_reproducesTheSeedReportFigures_fromTheFilesAlone() {
    long started = System.nanoTime();
    SyntheticLanding.generate(out, Scale.CITY, 42);
    System.out.printf("city scale generated in %.1f s%n", (System.nanoTime() - started) / 1e9);

    SeedFigures figures = new SeedFigures(out);
    assertEquals(311_243, figures.contestRegistrants(LocalDateTime.of(2025, 11, 30, 23, 59, 59)));
    assertEquals(5_078_387, figures.visits(YearMonth.of(2025, 11)));
    Map<String, Integer> classes = figures.lmsClassLearners(LocalDate.of(2025, 11, 30));
    assertEquals(45_344, classes.get("HP-KNS-01"));
    assertEquals(11_749, classes.get("HP-CDS-02"));
    assertEquals(1_294, classes.get("HP-DVC-03"));
    assertEquals(1_454, classes.get("HP-KNS-04"));
    SyntheticLandingTest.assertTelecomFigures(figures);
  }
}
