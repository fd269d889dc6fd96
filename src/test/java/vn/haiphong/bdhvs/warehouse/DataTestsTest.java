package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.contract.Expectation;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The data tests of the contracts on tiny tables, one kind at a time, and the step before
 * publishing: a failing error publishes nothing, a failing warn is recorded and the run publishes.
 */
class DataTestsTest extends SharedSpark {
  private static final String RUN = "run-20251210T010000Z";

  /**
   * Rows of an output table from column/value maps; a column not named is null. Every column
   * nullable, as Spark reads Parquet: a frame declaring a column not null would let Spark drop its
   * not-null test as always false.
   */
  private Dataset<Row> rows(String table, List<Map<String, Object>> named) {
    TableContract contract = TableContract.load("output", table);
    List<Row> rows = new ArrayList<>();
    for (Map<String, Object> values : named) {
      rows.add(RowFactory.create(contract.columnNames().stream().map(values::get).toArray()));
    }
    StructType nullable = new StructType();
    for (StructField f : contract.sparkSchema().fields()) {
      nullable = nullable.add(f.name(), f.dataType(), true);
    }
    return spark().createDataFrame(rows, nullable);
  }

  private static Map<String, DataTests.Result> byName(DataTests.TableOutcome outcome) {
    return outcome.results().stream().collect(Collectors.toMap(DataTests.Result::expectation, r -> r));
  }

  private DataTests.TableOutcome test(String table, List<Map<String, Object>> rows) {
    return DataTests.run(TableContract.load("output", table), rows(table, rows));
  }

  private static Map<String, Object> sourceMonth(String month, String source, Boolean complete) {
    Map<String, Object> m = new java.util.HashMap<>();
    m.put("month", month);
    m.put("source", source);
    m.put("is_complete", complete);
    m.put("run_id", RUN);
    return m;
  }

  @Test
  void soundRows_passEveryTestOfTheContract() {
    DataTests.TableOutcome outcome = test("source_months",
        List.of(sourceMonth("2025-11", "course", true), sourceMonth("2025-11", "unit-reports", false)));
    assertEquals(TableContract.load("output", "source_months").dataTests().size(), outcome.results().size());
    assertEquals(2, outcome.rows());
    outcome.results().forEach(r -> assertEquals(0, r.failingRows(), r.expectation()));
    assertTrue(DataTests.failure(List.of(outcome)).isEmpty());
  }

  @Test
  void accepted_patternAndNotNull_countTheirFailingRowsWithTheSmallestKey() {
    Map<String, DataTests.Result> r = byName(test("source_months", List.of(
        sourceMonth("2025-11", "radio", true), sourceMonth("2025-10", "radio", true),
        sourceMonth("2025/11", "course", true), sourceMonth("2025-12", "course", null))));
    assertEquals(2, r.get("source_accepted").failingRows());
    assertEquals("month=2025-10, source=radio", r.get("source_accepted").exampleKey());
    assertEquals(1, r.get("month_pattern").failingRows());
    assertEquals(1, r.get("is_complete_not_null").failingRows());
    assertEquals(0, r.get("run_id_not_null").failingRows());
    assertNull(r.get("run_id_not_null").exampleKey());
  }

  private static Map<String, Object> projection(String outcome, String projectedMonth, int windowMonths) {
    Map<String, Object> m = new java.util.HashMap<>(Map.of("month", "2025-11", "ward_code", "ALL",
        "indicator_code", "PS_SKILLED_RATE", "target_value", 80.0, "target_year", 2025, "outcome", outcome,
        "outcome_vi", "x", "method", "least_squares_cumulative", "window_from", "2025-06", "window_to", "2025-11"));
    m.put("window_months", windowMonths);
    m.put("projected_month", projectedMonth);
    m.put("run_id", RUN);
    return m;
  }

  @Test
  void range_andACheckWithWhere_judgeOnlyTheRowsTheyNameAndNotNulls() {
    Map<String, DataTests.Result> r = byName(test("target_projection", List.of(
        projection("reached", null, 6), projection("too_few_months", null, 7), projection("reached", "2026-03", 3))));
    assertEquals(1, r.get("window_months_range").failingRows());
    assertEquals(1, r.get("reached_has_its_month").failingRows(), "only the reached row without its month");
    assertEquals("check", r.get("reached_has_its_month").kind());
    assertEquals("where outcome == 'reached': projected_month is not null", r.get("reached_has_its_month").test());
  }

  private static Map<String, Object> violation(String rule, String ward) {
    Map<String, Object> m = new java.util.HashMap<>(Map.of("unit_code", "SO-GDDT", "period_type", "month",
        "period", "2025-11", "rule_id", rule, "importance", "high", "left_value", 2.0, "operator", "<=",
        "first_seen", java.sql.Date.valueOf("2025-12-10"), "first_seen_run", RUN, "run_id", RUN));
    m.put("ward_code", ward);
    return m;
  }

  @Test
  void references_checkCodesAgainstTheReferenceTablesAndDimensions() {
    List<Map<String, Object>> rows = new ArrayList<>(List.of(violation("VR01", "ALL"), violation("VR99", "99999"),
        violation("VR02", null)));
    rows.get(2).put("unit_code", "SO-NOWHERE");
    Map<String, DataTests.Result> r = byName(test("validation_violations", rows));
    assertEquals(1, r.get("rule_id_references").failingRows());
    assertEquals(1, r.get("ward_code_references").failingRows(), "ALL is in dim_ward; a null ward is not judged");
    assertEquals(1, r.get("unit_code_references").failingRows());
  }

  /** An indicator-cube row of a rate: value = numerator / denominator × 100 unless given. */
  private static Map<String, Object> rate(String ward, double numerator, double denominator, String status) {
    Map<String, Object> m = new java.util.HashMap<>(Map.of("month", "2025-11", "ward_code", ward, "target_group", "ALL",
        "indicator_code", "PS_SKILLED_RATE", "numerator", numerator, "denominator", denominator,
        "value", numerator / denominator * 100, "unit", "percent", "status", status, "is_provisional", false));
    m.put("target_value", 80.0);
    m.put("target_year", 2025);
    m.put("target_plan_id", "KH-478-TU");
    m.put("run_id", RUN);
    return m;
  }

  @Test
  void numeratorAboveDenominator_isAWarningWhenTheCubeSaysCheckData_anErrorWhenItSaysAchieved() {
    Map<String, DataTests.Result> flagged = byName(test("indicator_cube",
        List.of(rate("10507", 5, 4, "check_data"), rate("10525", 3, 4, "off_track"))));
    assertEquals(1, flagged.get("numerator_within_denominator").failingRows());
    assertEquals("warn", flagged.get("numerator_within_denominator").severity());
    assertEquals(0, flagged.get("impossible_rate_is_check_data").failingRows());
    assertEquals(0, flagged.get("rate_is_numerator_over_denominator").failingRows());

    Map<String, DataTests.Result> achieved = byName(test("indicator_cube", List.of(rate("10507", 5, 4, "achieved"))));
    assertEquals(1, achieved.get("impossible_rate_is_check_data").failingRows());
    assertEquals("error", achieved.get("impossible_rate_is_check_data").severity());
  }

  @Test
  void aValueThatIsNotItsParts_failsWithinRoundingOnly() {
    Map<String, Object> rounded = rate("10507", 1, 3, "off_track");
    rounded.put("value", 100.0 / 3 + 1e-9);
    Map<String, Object> wrong = rate("10525", 1, 3, "off_track");
    wrong.put("value", 33.4);
    Map<String, DataTests.Result> r = byName(test("indicator_cube", List.of(rounded, wrong)));
    assertEquals(1, r.get("rate_is_numerator_over_denominator").failingRows());
    assertEquals("month=2025-11, ward_code=10525, target_group=ALL, indicator_code=PS_SKILLED_RATE",
        r.get("rate_is_numerator_over_denominator").exampleKey());
  }

  @Test
  void failingError_stopsBeforePublishing_andNothingIsPublished(@TempDir Path root) {
    Warehouse run = new Warehouse(root.toString(), spark().sparkContext().hadoopConfiguration(), RUN);
    run.writeOutput("quality", "validation_violations", rows("validation_violations",
        List.of(violation("VR01", "ALL"), violation("VR99", "ALL"))));
    run.writeText("runs/" + RUN + ".json", "{}");
    DataTestFailure failure = assertThrows(DataTestFailure.class, () -> run.test(spark()));
    assertEquals("data tests failed, nothing published: table validation_violations, expectation rule_id_references"
        + " (rule_id in reference/validation_rules.rule_id): 1 row, e.g. unit_code=SO-GDDT, period_type=month,"
        + " period=2025-11, rule_id=VR99", failure.getMessage());
    assertEquals(1, run.dataTests().size(), "the outcome is kept for the failed run's manifest");
    assertThrows(DataTestFailure.class, run::publish);
    run.abandon();
    assertFalse(Files.exists(root.resolve("quality")), "no table published");
    assertFalse(Files.exists(root.resolve("runs")), "nor the manifest written aside");
  }

  @Test
  void failingWarn_isRecorded_andTheRunPublishes(@TempDir Path root) {
    Warehouse run = new Warehouse(root.toString(), spark().sparkContext().hadoopConfiguration(), RUN);
    run.writeCube("indicator_cube", rows("indicator_cube", List.of(rate("10507", 5, 4, "check_data"))), "month", null);
    List<DataTests.TableOutcome> outcomes = run.test(spark());
    DataTests.Result warn = byName(outcomes.get(0)).get("numerator_within_denominator");
    assertEquals(1, warn.failingRows());
    assertEquals(Expectation.Severity.WARN.code(), warn.manifest().get("severity"));
    assertEquals("indicator_cube", warn.manifest().get("table_name"));
    run.publish();
    assertTrue(Files.isDirectory(root.resolve("cubes/indicator_cube/month=2025-11")));
  }

  /** A cube's key is checked as it is written: a repeated key fails the write, names an example, publishes nothing. */
  @Test
  void aCubeWithARepeatedKey_failsItsWrite(@TempDir Path root) {
    Warehouse run = new Warehouse(root.toString(), spark().sparkContext().hadoopConfiguration(), RUN);
    IllegalStateException e = Assertions.assertThrows(IllegalStateException.class, () -> run.writeCube("indicator_cube",
        rows("indicator_cube", List.of(rate("10507", 2, 4, "off_track"), rate("10507", 3, 4, "off_track"))), "month", null));
    Assertions.assertTrue(e.getMessage().contains("breaks its key") && e.getMessage().contains("10507"), e.getMessage());
    assertEquals(2, run.writeCube("indicator_cube", rows("indicator_cube", List.of(rate("10507", 2, 4, "off_track"),
        rate("10525", 3, 4, "off_track"))), "month", null), "distinct keys write, counted");
    assertEquals(0, run.writeCube("indicator_cube", rows("indicator_cube", List.of(rate("10507", 2, 4, "off_track")))
        .limit(0), "month", null), "an empty cube writes, its key unbroken");
  }

  @Test
  void aCubeRebuiltFromAMonth_isTestedOnTheMonthsItWrote(@TempDir Path root) {
    Warehouse run = new Warehouse(root.toString(), spark().sparkContext().hadoopConfiguration(), RUN);
    run.writeCube("indicator_cube", rows("indicator_cube", List.of(rate("10507", 2, 4, "off_track"),
        rate("10525", 3, 4, "off_track"))), "month", "2025-11");
    DataTests.TableOutcome outcome = run.test(spark()).get(0);
    assertEquals(2, outcome.rows(), "November as written aside, with its month read from the partition folder");
    assertEquals(0, byName(outcome).get("month_pattern").failingRows());
    assertEquals(0, byName(outcome).get("month_not_null").failingRows());
  }
}
