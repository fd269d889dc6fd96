package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.instant;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;

class IndicatorCubeTest extends SharedSpark {
  private static final String W1 = "10507";
  private static final String W2 = "10525";

  private static Row cell(Dataset<Row> cube, String month, String ward, String group, String indicator) {
    List<Row> rows = cube.filter(col("month").equalTo(month).and(col("ward_code").equalTo(ward))
        .and(col("target_group").equalTo(group)).and(col("indicator_code").equalTo(indicator))).collectAsList();
    assertEquals(1, rows.size(), month + " " + ward + " " + group + " " + indicator);
    return rows.get(0);
  }

  private static double value(Row r) {
    return r.getDouble(r.fieldIndex("value"));
  }

  @Test
  void personInTwoWards_countsInEachWardAndOnceInAll() {
    CubeFixture f = new CubeFixture();
    f.registrations.row("person_key", "p1", "ward_code", W1, "target_group", "student", "registered_date", date("2025-11-02"))
        .row("person_key", "p1", "ward_code", W2, "target_group", "student", "registered_date", date("2025-11-03"))
        .row("person_key", "p2", "ward_code", W1, "target_group", "parent", "registered_date", date("2025-11-04"));
    Dataset<Row> cube = f.cube(spark(), "2025-11").cache();
    assertEquals(2.0, value(cell(cube, "2025-11", W1, "ALL", "CONTEST_REGISTRANTS")));
    assertEquals(1.0, value(cell(cube, "2025-11", W2, "ALL", "CONTEST_REGISTRANTS")));
    assertEquals(1.0, value(cell(cube, "2025-11", "ALL", "student", "CONTEST_REGISTRANTS")));
    assertEquals(2.0, value(cell(cube, "2025-11", "ALL", "ALL", "CONTEST_REGISTRANTS")));
    assertEquals(200.0 / 114, value(cell(cube, "2025-11", "ALL", "ALL", "CONTEST_WARD_COVERAGE")), 1e-9);
  }

  @Test
  void reportedRate_ofAll_dividesSummedNumeratorsBySummedDenominators() {
    CubeFixture f = new CubeFixture();
    f.report("UB-" + W1, W1, "2025-11", "officials_skilled", 1).report("UB-" + W1, W1, "2025-11", "officials_total", 10)
        .report("UB-" + W2, W2, "2025-11", "officials_skilled", 90).report("UB-" + W2, W2, "2025-11", "officials_total", 100)
        .report("SO-NV", null, "2025-11", "officials_skilled", 9).report("SO-NV", null, "2025-11", "officials_total", 10);
    Dataset<Row> cube = f.cube(spark(), "2025-11").cache();
    assertEquals(10.0, value(cell(cube, "2025-11", W1, "ALL", "PS_SKILLED_RATE")), 1e-9);
    Row all = cell(cube, "2025-11", "ALL", "ALL", "PS_SKILLED_RATE");
    assertEquals(100.0, all.getDouble(all.fieldIndex("numerator")));
    assertEquals(120.0, all.getDouble(all.fieldIndex("denominator")));
    assertEquals(100.0 / 120 * 100, value(all), 1e-9); // not (10 + 90 + 90) / 3
  }

  @Test
  void measuredRate_countsCompletersOfTheGroupOverThePopulation_unknownWardHasNoValue() {
    CubeFixture f = new CubeFixture();
    f.lms.row("person_key", "p1", "ward_code", W1, "target_group", "public_sector", "class_code", "HP-KNS-01",
            "valid_from", date("2025-11-05"), "status", "completed", "completed_on", date("2025-11-04"))
        .row("person_key", "p2", "ward_code", W1, "target_group", "student", "class_code", "HP-KNS-01",
            "valid_from", date("2025-11-05"), "status", "completed", "completed_on", date("2025-11-04"))
        .row("person_key", "p3", "ward_code", "UNKNOWN", "target_group", "public_sector", "class_code", "HP-KNS-01",
            "valid_from", date("2025-11-05"), "status", "completed", "completed_on", date("2025-11-04"));
    Dataset<Row> cube = f.cube(spark(), "2025-11").cache();
    Row w1 = cell(cube, "2025-11", W1, "ALL", "PS_SKILLED_RATE_MEASURED");
    double staff = CubeFixture.reference("2025-11").denominators().find(W1, 2025, "public_sector_staff").orElseThrow().value();
    assertEquals(1.0, w1.getDouble(w1.fieldIndex("numerator")));
    assertEquals(100.0 / staff, value(w1), 1e-9);
    Row unknown = cell(cube, "2025-11", "UNKNOWN", "ALL", "PS_SKILLED_RATE_MEASURED");
    assertEquals(1.0, unknown.getDouble(unknown.fieldIndex("numerator")));
    assertTrue(unknown.isNullAt(unknown.fieldIndex("value")));
    Row all = cell(cube, "2025-11", "ALL", "ALL", "PS_SKILLED_RATE_MEASURED");
    assertEquals(2.0, all.getDouble(all.fieldIndex("numerator")));
    assertEquals(2.0, (Double) cell(cube, "2025-11", W1, "ALL", "RES_BASIC_SKILL_RATE_MEASURED").getAs("numerator"));
  }

  @Test
  void statementAtLocalMidnightOfDecemberFirst_countsInDecemberNotNovember() {
    CubeFixture f = new CubeFixture();
    f.mooc.row("statement_id", "s1", "person_key", "p1", "verb", "registered", "course_code", "VN-01", "ward_code", W1,
        "target_group", "resident", "timestamp", instant("2025-11-30T17:30:00Z"), "local_date", date("2025-12-01"),
        "local_month", "2025-12", "certifies", false, "is_voided", false);
    Dataset<Row> cube = f.cube(spark(), "2025-11", "2025-12").cache();
    assertEquals(0.0, value(cell(cube, "2025-11", "ALL", "ALL", "MOOC_LEARNERS")));
    assertEquals(1.0, value(cell(cube, "2025-12", "ALL", "ALL", "MOOC_LEARNERS")));
  }

  @Test
  void certifiedWithoutWard_takesEveryWardThePersonRegisteredIn() {
    CubeFixture f = new CubeFixture();
    Object[] live = {"certifies", false, "is_voided", false, "local_date", date("2025-11-02"), "course_code", "VN-01"};
    f.mooc.row(StagedRows.with(live, "statement_id", "r1", "person_key", "p1", "verb", "registered",
            "ward_code", W1, "target_group", "parent"))
        .row(StagedRows.with(live, "statement_id", "r2", "person_key", "p1", "verb", "registered",
            "ward_code", W2, "target_group", "parent"))
        .row("statement_id", "c1", "person_key", "p1", "verb", "passed", "course_code", "VNEID-01",
            "certifies", true, "is_voided", false, "local_date", date("2025-11-20"))
        .row("statement_id", "c2", "person_key", "p2", "verb", "passed", "course_code", "VNEID-01",
            "certifies", true, "is_voided", false, "local_date", date("2025-11-20"));
    Dataset<Row> cube = f.cube(spark(), "2025-11").cache();
    assertEquals(1.0, value(cell(cube, "2025-11", W1, "parent", "VNEID_CERTIFIED")));
    assertEquals(1.0, value(cell(cube, "2025-11", W2, "parent", "VNEID_CERTIFIED")));
    assertEquals(1.0, value(cell(cube, "2025-11", "UNKNOWN", "resident", "VNEID_CERTIFIED")));
    assertEquals(2.0, value(cell(cube, "2025-11", "ALL", "ALL", "VNEID_CERTIFIED")));
  }

  @Test
  void wardMissingAnExpectedReport_isProvisionalOnReportedRows_andSoIsAll() {
    CubeFixture f = new CubeFixture();
    // W1 expects a ward unit and a school; only the ward unit reported. W2 expects its ward unit only.
    f.document("UB-" + W1, "2025-11", true).document("UB-" + W2, "2025-11", false);
    Dataset<Row> cube = f.cube(spark(), "2025-11").cache();
    assertTrue((Boolean) cell(cube, "2025-11", W1, "ALL", "PS_SKILLED_RATE").getAs("is_provisional"));
    assertTrue((Boolean) cell(cube, "2025-11", W1, "ALL", "REPORT_COMPLETENESS").getAs("is_provisional"));
    assertFalse((Boolean) cell(cube, "2025-11", W2, "ALL", "PS_SKILLED_RATE").getAs("is_provisional"));
    assertFalse((Boolean) cell(cube, "2025-11", W1, "ALL", "PS_SKILLED_RATE_MEASURED").getAs("is_provisional"));
    assertTrue((Boolean) cell(cube, "2025-11", "ALL", "ALL", "WARD_COMMUNITY_CLASS_RATE").getAs("is_provisional"));
    assertEquals(50.0, value(cell(cube, "2025-11", W1, "ALL", "REPORT_COMPLETENESS")));
    assertEquals(0.0, value(cell(cube, "2025-11", W2, "ALL", "REPORT_TIMELINESS")));
  }

  @Test
  void cubeIsDense_everyCellOfEveryBreakdownWithZeroCounts() {
    Dataset<Row> cube = new CubeFixture().cube(spark(), "2025-10", "2025-11").cache();
    long wards = CubeFixture.WARDS.wards().size() + 2;
    long expected = 0;
    for (Indicator i : IndicatorCatalog.load().indicators()) {
      expected += switch (i.breakdown()) {
        case Indicator.BY_WARD_AND_GROUP -> wards * 7;
        case Indicator.BY_WARD -> wards;
        default -> 1;
      };
    }
    assertEquals(2 * expected, cube.count());
    assertEquals(0.0, value(cell(cube, "2025-10", W2, "student", "LMS_LEARNERS")));
    assertNull(cell(cube, "2025-10", W2, "ALL", "FIXED_DL_MBPS").getAs("value"));
    assertEquals("no_target", cell(cube, "2025-10", W2, "ALL", "PS_SKILLED_RATE").getAs("status"));
  }

  @Test
  void reportedFarAboveMeasured_isFlagged() {
    CubeFixture f = new CubeFixture();
    f.report("UB-" + W1, W1, "2025-11", "officials_skilled", 90).report("UB-" + W1, W1, "2025-11", "officials_total", 100)
        .report("UB-" + W2, W2, "2025-11", "officials_skilled", 10).report("UB-" + W2, W2, "2025-11", "officials_total", 100);
    CubeReference ref = CubeFixture.reference("2025-11");
    Dataset<Row> gaps = SkillGaps.build(spark(), IndicatorCube.build(spark(), f.inputs(spark()), ref), ref.catalog(), "run-test")
        .filter(col("indicator_code").equalTo("PS_SKILLED_RATE")).cache();
    assertTrue(gaps.filter(col("ward_code").equalTo(W1)).first().getBoolean(gaps.first().fieldIndex("flagged")));
    assertFalse(gaps.filter(col("ward_code").equalTo(W2)).first().getBoolean(gaps.first().fieldIndex("flagged")));
    assertFalse(gaps.filter(col("ward_code").equalTo("10537")).first().getBoolean(gaps.first().fieldIndex("flagged")));
  }
}
