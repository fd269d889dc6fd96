package vn.haiphong.bdhvs.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** City scale against the seed report's figures (to 30/11/2025), from the files alone; slow, so tagged and excluded by default. */
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
    // The contest (07/10–30/11/2025): its registrants and visits are its totals.
    assertEquals(311_243, figures.contestRegistrants(LocalDateTime.of(2025, 11, 30, 23, 59, 59)));
    assertEquals(5_078_387, figures.visits(YearMonth.of(2025, 10)) + figures.visits(YearMonth.of(2025, 11)));
    assertEquals(0, figures.visits(YearMonth.of(2025, 12)));
    // Lớp 1–4 in the 30/11 snapshot.
    Map<String, Integer> classes = figures.lmsClassLearners(LocalDate.of(2025, 11, 30));
    assertEquals(45_344, classes.get("HP-KNS-01"));
    assertEquals(11_749, classes.get("HP-CDS-02"));
    assertEquals(1_294, classes.get("HP-DVC-03"));
    assertEquals(1_454, classes.get("HP-KNS-04"));
    // The national MOOC: learners, completers, certified on VNeID.
    long[] mooc = figures.moocFunnel(LocalDate.of(2025, 11, 30), Set.of("MOOC-CDS-01"));
    assertArrayEquals(new long[] {30_835, 11_138, 696}, mooc);
    // Stations, speeds, fibre, coverage, the 128 units and their 21,235 officials, class titles and audiences.
    SeedStory.assertAll(figures, Scale.CITY);
  }
}
