package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.List;
import java.util.Properties;
import org.duckdb.DuckDBDriver;
import org.junit.jupiter.api.Assertions;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.GeneratedRun;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;

/** The generated small sample through the whole pipeline: the cubes against what the generator knows by construction. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CubePipelineTest extends SharedSpark {
  private GeneratedRun run;
  private CubeFacts cubes;

  @BeforeAll
  void runPipeline() {
    runBefore();
    long t0 = System.nanoTime();
    run = SmallSampleRun.get(spark());
    System.out.printf("small sample: pipeline in %.1f s, build_cubes stage %s%n", (System.nanoTime() - t0) / 1e9,
        run.outcome().results().get("build_cubes").tablesWritten());
    cubes = new CubeFacts(spark(), run.warehouse());
  }

  @Test
  void contest_registrantsAndVisitsOfNovember() {
    assertEquals(run.fact("contest_registrants_2025_11"), cubes.value("2025-11", "CONTEST_REGISTRANTS"));
    assertEquals(run.fact("contest_visits_2025_11"), cubes.value("2025-11", "CONTEST_VISITS"));
  }

  @Test
  void contest_octoberAndTheTotalOverItsDays() {
    assertEquals(run.fact("contest_registrants_2025_10"), cubes.value("2025-10", "CONTEST_REGISTRANTS"));
    assertEquals(run.fact("contest_visits_2025_10"), cubes.value("2025-10", "CONTEST_VISITS"));
    assertEquals(run.fact("contest_visits_total"), cubes.value("2025-11", "CONTEST_VISITS_CUM"));
  }

  @Test
  void reports_officialsTrainedOfTheWardsAndDepartmentsInNovember() {
    Row officials = cubes.cell("2025-11", "ALL", "ALL", "PS_SKILLED_RATE");
    assertEquals(run.fact("officials_trained_2025_11"), officials.<Double>getAs("numerator"));
    assertEquals(run.fact("officials_total_2025_11"), officials.<Double>getAs("denominator"));
  }

  @Test
  void telecom_fibreAndWardsCoveredGrow() {
    for (String month : new String[] {"2025-09", "2025-10", "2025-11"}) {
      String key = month.replace('-', '_');
      assertEquals(run.fact("fibre_km_" + key), cubes.fibreKm(month), 1e-6, month);
      assertEquals(run.fact("wards_4g_coverage_at_least_99_" + key),
          cubes.cell(month, "ALL", "ALL", "WARD_COVERAGE_RATE").<Double>getAs("numerator"), month);
    }
  }

  @Test
  void learningCube_classLearnersAtTheNovemberSnapshot() {
    for (String code : CubeFacts.FIRST_CLASSES) {
      assertEquals(run.fact("lms_class_learners_2025_11_" + code), cubes.classLearners("2025-11", code), code);
    }
  }

  @Test
  void telecom_stationsDeltasAndSpeeds() {
    for (String month : new String[] {"2025-09", "2025-10", "2025-11"}) {
      String key = month.replace('-', '_');
      assertEquals(run.fact("bts_4g_" + key), cubes.value(month, "BTS_4G"), month);
      assertEquals(run.fact("bts_5g_" + key), cubes.value(month, "BTS_5G"), month);
      for (String net : new String[] {"fixed", "mobile"}) {
        String prefix = net.toUpperCase(java.util.Locale.ROOT);
        assertEquals(run.fact(net + "_" + key + "_down_mbps"), cubes.rounded(month, prefix + "_DL_MBPS"), 1e-9);
        assertEquals(run.fact(net + "_" + key + "_up_mbps"), cubes.rounded(month, prefix + "_UL_MBPS"), 1e-9);
      }
    }
    assertEquals(run.fact("bts_added_2025_11_vs_2025_09"), cubes.stationsAdded("2025-11", "2025-09"));
    assertEquals(run.fact("bts_5g_added_2025_11_vs_2025_09"),
        cubes.value("2025-11", "BTS_5G") - cubes.value("2025-09", "BTS_5G"));
  }

  @Test
  void mooc_registeredAndCertified() {
    assertEquals(run.fact("mooc_learners_registered_2025_11"), cubes.value("2025-11", "MOOC_LEARNERS"));
    assertEquals(run.fact("vneid_certified_2025_11"), cubes.value("2025-11", "VNEID_CERTIFIED"));
  }

  @Test
  void reports_receivedAndOnTimeAgainstExpected() {
    for (String month : new String[] {"2025-10", "2025-11"}) {
      String key = "unit_reports_" + month.replace('-', '_');
      Row completeness = cubes.cell(month, "ALL", "ALL", "REPORT_COMPLETENESS");
      assertEquals(run.fact(key + "_received"), completeness.<Double>getAs("numerator"), month);
      assertEquals(run.fact(key + "_expected"), completeness.<Double>getAs("denominator"), month);
      assertEquals(run.fact(key + "_on_time"), cubes.cell(month, "ALL", "ALL", "REPORT_TIMELINESS").<Double>getAs("numerator"));
    }
    // September also owes the third quarter's reports.
    Row september = cubes.cell("2025-09", "ALL", "ALL", "REPORT_COMPLETENESS");
    assertEquals(run.fact("unit_reports_2025_09_received") + run.fact("unit_reports_2025_Q3_received"),
        september.<Double>getAs("numerator"));
  }

  @Test
  void targetProjection_isThePureProjectionOfEachScopesCubeSeries() {
    List<Row> cube = cubes.cube().filter(col("target_group").equalTo("ALL").and(col("ward_code").notEqual("UNKNOWN")))
        .select("month", "ward_code", "indicator_code", "value", "target_value", "target_year").collectAsList();
    java.util.Map<String, java.util.NavigableMap<YearMonth, Double>> series = new java.util.HashMap<>();
    java.util.Map<String, Row> at = new java.util.HashMap<>();
    for (Row r : cube) {
      String key = r.getString(1) + "|" + r.getString(2);
      series.computeIfAbsent(key, k -> new java.util.TreeMap<>()).put(YearMonth.parse(r.getString(0)), r.isNullAt(3) ? null : r.getDouble(3));
      at.put(r.getString(0) + "|" + key, r);
    }
    List<Row> projected = spark().read().parquet(run.warehouse().resolve("cubes/target_projection").toString())
        .select("month", "ward_code", "indicator_code", "outcome_vi").collectAsList();
    long targeted = at.values().stream().filter(r -> !r.isNullAt(4)).count();
    assertEquals(targeted, projected.size(), "one row per month x scope x indicator with a target");
    Assertions.assertTrue(projected.stream().anyMatch(r -> r.getString(1).equals("ALL")), "the city");
    Assertions.assertTrue(projected.stream().anyMatch(r -> r.getString(1).matches("\\d{5}")), "the wards");
    for (Row p : projected) {
      String key = p.getString(1) + "|" + p.getString(2);
      Row figure = at.get(p.getString(0) + "|" + key);
      YearMonth month = YearMonth.parse(p.getString(0));
      assertEquals(TargetProjection.project(series.get(key).headMap(month, true), figure.getDouble(4), figure.getInt(5)).vi(),
          p.getString(3), p.getString(0) + " " + key);
    }
  }

  @Test
  void indicatorCube_keysUniqueAndDenseInEveryMonth() {
    long months = cubes.cube().select("month").distinct().count();
    org.junit.jupiter.api.Assertions.assertTrue(months >= 3, "months from the first staged data to the run date");
    long perMonth = CubeFixture.cellsPerMonth();
    assertEquals(months * perMonth, cubes.cube().count());
    assertEquals(months * perMonth, cubes.cube().select("month", "ward_code", "target_group", "indicator_code")
        .distinct().count());
    // The run date's month is still running: its counts wait for the month's end (null, provisional).
    String runMonth = java.time.YearMonth.from(GeneratedRun.runDate(run.expected())).toString();
    assertEquals(0, cubes.cube().filter(col("indicator_code").equalTo("CONTEST_REGISTRANTS")
        .and(col("month").lt(runMonth)).and(col("value").isNull())).count(), "a zero count is 0, never null");
    assertEquals(0, cubes.cube().filter(col("indicator_code").equalTo("CONTEST_REGISTRANTS")
        .and(col("month").equalTo(runMonth)).and(col("value").isNotNull().or(col("is_provisional").equalTo(false))))
        .count(), "the running month's counts are null and provisional, never a partial figure");
  }

  @Test
  void indicatorCube_aWardWithAWardPlanIsJudgedAgainstItsOwnTargets() {
    // Đồ Sơn (11455) has its own plan for the adults' VNeID rate; its neighbour takes the city's.
    List<Row> plans = cubes.cube().filter(col("indicator_code").equalTo("RES_VNEID_CERT_RATE_MEASURED")
            .and(col("target_group").equalTo("ALL")).and(col("month").startsWith("2025"))
            .and(col("ward_code").isin("11455", "11737", "ALL")))
        .select("ward_code", "target_plan_id", "target_value").distinct().orderBy("ward_code").collectAsList();
    assertEquals("[[11455,KH-DO-SON,80.0], [11737,KH-XA-PHUONG,80.0], [ALL,KH-XA-PHUONG,80.0]]", plans.toString());
  }

  @Test
  void duckDb_computesTheSameCubeFromTheSameStagedParquet() throws Exception {
    List<YearMonth> months = cubes.cube().select("month").distinct().orderBy("month").collectAsList().stream()
        .map(r -> YearMonth.parse(r.getString(0))).toList();
    WardDirectory wards = WardDirectory.load();
    CubeReference ref = CubeReference.load(months, "duckdb", GeneratedRun.runDate(run.expected()), wards,
        ReportingUnits.load(wards));
    String sparkCube = "read_parquet('" + run.warehouse().resolve("cubes/indicator_cube") + "/**/*.parquet', "
        + "hive_partitioning = true, hive_types_autocast = false)";
    try (Connection c = new DuckDBDriver().connect("jdbc:duckdb:", new Properties())) {
      long rows = IndicatorCubeSql.build(c, run.warehouse(), ref, "duck_cube");
      IndicatorCubeSql.Comparison same = IndicatorCubeSql.compare(c, "duck_cube", sparkCube);
      Assertions.assertTrue(same.equal(), same.toString());
      assertEquals(cubes.cube().count(), rows);
      assertEquals(rows, same.rightRows());

      // The comparison sees one changed figure and one missing cell.
      try (Statement s = c.createStatement()) {
        s.execute("UPDATE duck_cube SET value = value + 0.5 WHERE month = '2025-11' AND ward_code = 'ALL' "
            + "AND target_group = 'ALL' AND indicator_code = 'FIXED_DL_MBPS'");
        s.execute("DELETE FROM duck_cube WHERE month = '2025-11' AND ward_code = 'ALL' AND target_group = 'ALL' "
            + "AND indicator_code = 'BTS_4G'");
      }
      IndicatorCubeSql.Comparison broken = IndicatorCubeSql.compare(c, "duck_cube", sparkCube);
      assertEquals(1, broken.differing());
      assertEquals(1, broken.onlyRight());
      assertEquals(0, broken.onlyLeft());
      assertEquals(List.of("2025-11 ALL ALL BTS_4G", "2025-11 ALL ALL FIXED_DL_MBPS"), broken.examples());
    }
  }
}
