package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.with;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;

/**
 * A figure whose source is not complete at the run date is null and provisional, never 0
 * (docs/specification.md §5): the cube of October to December 2025 as a run on 3 December sees it, built by
 * Spark and by DuckDB. November's reports fall due on 5 December; December is the running month; one of two
 * operators has not delivered November, neither December.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SourceCompletenessTest extends SharedSpark {
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 3);
  @TempDir
  static Path dir;

  private final Map<String, Row> cells = new HashMap<>();

  @BeforeAll
  void buildCube() {
    runBefore();
    CubeFixture f = new CubeFixture();
    Object[] viettel = {"operator", "viettel", "ward_code", "10525", "bts_4g", 10L, "bts_5g", 1L, "coverage_4g_pct", 99.5};
    Object[] vnpt = {"operator", "vnpt", "ward_code", "10525", "bts_4g", 5L, "bts_5g", 0L, "coverage_4g_pct", 97.0};
    f.operators.row(with(viettel, "month", "2025-10")).row(with(vnpt, "month", "2025-10"))
        .row(with(viettel, "month", "2025-11"));
    for (String month : new String[] {"2025-10", "2025-11"}) {
      f.report("UB-10543", "10543", month, "officials_skilled", 4).report("UB-10543", "10543", month, "officials_total", 10)
          .document("UB-10543", month, true);
    }
    f.registrations.row("person_key", "p1", "ward_code", "10525", "target_group", "student",
        "registered_date", date("2025-11-02"));
    f.registrations.row("person_key", "p2", "ward_code", "10525", "target_group", "student",
        "registered_date", date("2025-12-01"));
    CubeReference ref = CubeFixture.referenceOn(RUN_DATE, "2025-10", "2025-11", "2025-12");
    for (Row r : BothEngines.indicatorCube(spark(), f, ref, dir).collectAsList()) {
      cells.put(r.getAs("month") + "|" + r.getAs("ward_code") + "|" + r.getAs("target_group") + "|"
          + r.getAs("indicator_code"), r);
    }
  }

  private Row cell(String month, String ward, String indicator) {
    Row r = cells.get(month + "|" + ward + "|ALL|" + indicator);
    Assertions.assertNotNull(r, month + " " + ward + " " + indicator);
    return r;
  }

  private static void assertNoFigure(Row r) {
    assertNull(r.getAs("value"), r.toString());
    assertNull(r.getAs("numerator"), r.toString());
    Assertions.assertTrue(r.<Boolean>getAs("is_provisional"), r.toString());
  }

  @Test
  void reportsNotYetDue_areNullAndProvisional_neverZero() {
    Row november = cell("2025-11", "10543", "PS_SKILLED_RATE");
    assertNoFigure(november);
    assertEquals("no_data", november.getAs("status"));
    assertNoFigure(cell("2025-11", "ALL", "REPORT_COMPLETENESS"));
    assertNoFigure(cell("2025-11", "10543", "REPORT_TIMELINESS"));
  }

  @Test
  void reportsDue_countOnlyThePeriodsWhoseDeadlineHasPassed() {
    Row october = cell("2025-10", "10543", "PS_SKILLED_RATE");
    assertEquals(40.0, october.<Double>getAs("value"), 1e-9);
    assertFalse(october.<Boolean>getAs("is_provisional"));
    assertEquals(1.0, cell("2025-10", "10543", "REPORT_COMPLETENESS").<Double>getAs("numerator"));
  }

  @Test
  void telecomNotDeliveredByEveryOperator_isNullAndProvisional() {
    Row october = cell("2025-10", "ALL", "BTS_4G");
    assertEquals(15.0, october.<Double>getAs("value"));
    assertFalse(october.<Boolean>getAs("is_provisional"));
    assertNoFigure(cell("2025-11", "ALL", "BTS_4G"));
    assertNoFigure(cell("2025-11", "10525", "BTS_4G"));
    assertNoFigure(cell("2025-12", "ALL", "BTS_4G"));
    assertEquals("no_data", cell("2025-12", "ALL", "WARD_COVERAGE_RATE").getAs("status"));
  }

  @Test
  void runningMonth_ofDailyExports_isNullAndProvisional_closedMonthsAreNot() {
    Row november = cell("2025-11", "10525", "CONTEST_REGISTRANTS");
    assertEquals(1.0, november.<Double>getAs("value"));
    assertFalse(november.<Boolean>getAs("is_provisional"));
    assertEquals(0.0, cell("2025-10", "10525", "CONTEST_REGISTRANTS").<Double>getAs("value"), "nothing seen: 0");
    assertNoFigure(cell("2025-12", "10525", "CONTEST_REGISTRANTS"));
  }
}
