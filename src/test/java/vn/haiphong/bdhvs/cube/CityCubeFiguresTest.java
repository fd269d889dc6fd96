package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.GeneratedRun;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.generate.Scale;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;

/** City scale through the whole pipeline: the seed report's figures (to 30/11/2025), read from the cubes. Slow: mvn verify -Pcity. */
@Tag("city")
class CityCubeFiguresTest extends SharedSpark {

  @TempDir
  Path tmp;

  @Test
  void cityScale_cubesReproduceTheSeedReportFigures() {
    long t0 = System.nanoTime();
    GeneratedRun run = GeneratedRun.of(spark(), tmp, Scale.CITY, 42);
    System.out.printf("city scale generated and run in %.1f s; stages %s%n", (System.nanoTime() - t0) / 1e9,
        run.outcome().manifestPath());
    CubeFacts cubes = new CubeFacts(spark(), run.warehouse());

    // The contest ran 07/10–30/11/2025: its registrants and its visits are its totals, nothing after it closed.
    assertEquals(311_243, cubes.value("2025-11", "CONTEST_REGISTRANTS"));
    assertEquals(5_078_387, cubes.value("2025-11", "CONTEST_VISITS_CUM"));
    assertEquals(5_078_387, cubes.value("2025-10", "CONTEST_VISITS") + cubes.value("2025-11", "CONTEST_VISITS"));
    assertEquals(5_078_387, cubes.value("2025-12", "CONTEST_VISITS_CUM"));
    assertEquals(311_243, cubes.value("2025-12", "CONTEST_REGISTRANTS"));
    // The national MOOC's learners and the persons certified on VNeID.
    assertEquals(30_835, cubes.value("2025-11", "MOOC_LEARNERS"));
    assertEquals(696, cubes.value("2025-11", "VNEID_CERTIFIED"));
    // 21,235 officials trained, reported by the 114 wards and 14 city departments.
    assertEquals(21_235, cubes.cell("2025-11", "ALL", "ALL", "PS_SKILLED_RATE").<Double>getAs("numerator"));
    // More than 100 km of new fibre since 9/2025; 4G coverage reaches more wards, never fewer.
    Assertions.assertTrue(cubes.fibreKm("2025-11") - cubes.fibreKm("2025-09") > 100);
    double september = cubes.cell("2025-09", "ALL", "ALL", "WARD_COVERAGE_RATE").<Double>getAs("numerator");
    double october = cubes.cell("2025-10", "ALL", "ALL", "WARD_COVERAGE_RATE").<Double>getAs("numerator");
    double november = cubes.cell("2025-11", "ALL", "ALL", "WARD_COVERAGE_RATE").<Double>getAs("numerator");
    Assertions.assertTrue(september <= october && october <= november && september < november, september + " " + october + " " + november);
    var classes = CourseCatalog.loadDefault().onPlatform(Course.CITY_LMS).stream().limit(4).map(Course::code).toList();
    assertEquals(CubeFacts.FIRST_CLASSES, classes);
    assertEquals(45_344, cubes.classLearners("2025-11", classes.get(0)));
    assertEquals(11_749, cubes.classLearners("2025-11", classes.get(1)));
    assertEquals(1_294, cubes.classLearners("2025-11", classes.get(2)));
    assertEquals(1_454, cubes.classLearners("2025-11", classes.get(3)));
    assertEquals(680, cubes.stationsAdded("2025-11", "2025-09"));
    assertEquals(611, cubes.value("2025-11", "BTS_5G") - cubes.value("2025-09", "BTS_5G"));
    assertEquals(313.00, cubes.rounded("2025-11", "FIXED_DL_MBPS"), 1e-9);
    assertEquals(233.41, cubes.rounded("2025-11", "FIXED_UL_MBPS"), 1e-9);
    assertEquals(111.39, cubes.rounded("2025-11", "MOBILE_DL_MBPS"), 1e-9);
    assertEquals(35.44, cubes.rounded("2025-11", "MOBILE_UL_MBPS"), 1e-9);
    assertEquals(61.0, delta(cubes, "FIXED_DL_MBPS"), 1e-9);
    assertEquals(35.8, delta(cubes, "FIXED_UL_MBPS"), 1e-9);
    assertEquals(33.56, delta(cubes, "MOBILE_DL_MBPS"), 1e-9);
    assertEquals(11.87, delta(cubes, "MOBILE_UL_MBPS"), 1e-9);
  }

  /** November against September, of the rounded figures (as the report prints them). */
  private static double delta(CubeFacts cubes, String indicator) {
    return Math.round((cubes.rounded("2025-11", indicator) - cubes.rounded("2025-09", indicator)) * 100) / 100.0;
  }
}
