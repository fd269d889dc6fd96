package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.instant;
import static vn.haiphong.bdhvs.StagedRows.with;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;

/**
 * The indicator cube over tiny staged tables. Building a cube takes seconds, so it is built once
 * (November and December 2025) from scenarios that each keep to their own wards or indicators, by
 * Spark and by DuckDB, which must give the same rows; every test checks one scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorCubeTest extends SharedSpark {
  @TempDir
  static Path dir;

  private final Map<String, Row> cells = new HashMap<>();
  private Dataset<Row> cube;
  private Dataset<Row> gaps;

  @BeforeAll
  void buildCube() {
    runBefore();
    CubeFixture f = new CubeFixture();
    registrantInTwoWards(f);
    reportedRatesInTwoWardsAndADepartment(f);
    completionsOfPublicSectorStaff(f);
    registrationAtLocalMidnight(f);
    certifiedWithoutWard(f);
    reportsOfTwoWards(f);
    reportedFarAboveMeasured(f);
    adultsAndMinors(f);
    reportsApprovedOrNot(f);
    onePersonOnTwoPlatforms(f);
    CubeReference ref = CubeFixture.reference("2025-11", "2025-12");
    cube = BothEngines.indicatorCube(spark(), f, ref, dir);
    for (Row r : cube.collectAsList()) {
      cells.put(key(r.getAs("month"), r.getAs("ward_code"), r.getAs("target_group"), r.getAs("indicator_code")), r);
    }
    gaps = SkillGaps.build(cube, ref.catalog(), ref.runId()).cache();
  }

  private static String key(String month, String ward, String group, String indicator) {
    return month + "|" + ward + "|" + group + "|" + indicator;
  }

  private Row cell(String month, String ward, String group, String indicator) {
    Row r = cells.get(key(month, ward, group, indicator));
    Assertions.assertNotNull(r, key(month, ward, group, indicator));
    return r;
  }

  private Double value(String ward, String group, String indicator) {
    return cell("2025-11", ward, group, indicator).getAs("value");
  }

  private Double numerator(String ward, String indicator) {
    return cell("2025-11", ward, "ALL", indicator).getAs("numerator");
  }

  private boolean provisional(String ward, String indicator) {
    return cell("2025-11", ward, "ALL", indicator).<Boolean>getAs("is_provisional");
  }

  /** p1 registers in 10525 and 10537 (student), p2 in 10525 (parent). */
  private static void registrantInTwoWards(CubeFixture f) {
    f.registrations.row("person_key", "p1", "ward_code", "10525", "target_group", "student", "registered_date", date("2025-11-02"))
        .row("person_key", "p1", "ward_code", "10537", "target_group", "student", "registered_date", date("2025-11-03"))
        .row("person_key", "p2", "ward_code", "10525", "target_group", "parent", "registered_date", date("2025-11-04"));
  }

  @Test
  void personInTwoWards_countsInEachWardAndOnceInAll() {
    assertEquals(2.0, value("10525", "ALL", "CONTEST_REGISTRANTS"));
    assertEquals(1.0, value("10537", "ALL", "CONTEST_REGISTRANTS"));
    assertEquals(1.0, value("ALL", "student", "CONTEST_REGISTRANTS"));
    assertEquals(2.0, value("ALL", "ALL", "CONTEST_REGISTRANTS"));
    assertEquals(2.0 / 114 * 100, value("ALL", "ALL", "CONTEST_WARD_COVERAGE"), 1e-9);
  }

  /** PS_SKILLED_RATE: 10543 reports 1/10, 10549 90/100, a department (no ward) 9/10. */
  private static void reportedRatesInTwoWardsAndADepartment(CubeFixture f) {
    f.report("UB-10543", "10543", "2025-11", "officials_skilled", 1).report("UB-10543", "10543", "2025-11", "officials_total", 10)
        .report("UB-10549", "10549", "2025-11", "officials_skilled", 90).report("UB-10549", "10549", "2025-11", "officials_total", 100)
        .report("SO-NV", null, "2025-11", "officials_skilled", 9).report("SO-NV", null, "2025-11", "officials_total", 10);
  }

  @Test
  void reportedRate_ofAll_dividesSummedNumeratorsBySummedDenominators() {
    assertEquals(10.0, value("10543", "ALL", "PS_SKILLED_RATE"), 1e-9);
    Row all = cell("2025-11", "ALL", "ALL", "PS_SKILLED_RATE");
    assertEquals(100.0, all.<Double>getAs("numerator"));
    assertEquals(120.0, all.<Double>getAs("denominator"));
    assertEquals(100.0 / 120 * 100, all.<Double>getAs("value"), 1e-9); // not the mean of 10, 90 and 90
  }

  @Test
  void valueAtOrAboveThePlanTarget_isAchieved() {
    Row r = cell("2025-11", "10549", "ALL", "PS_SKILLED_RATE");
    assertEquals(80.0, r.<Double>getAs("target_value"));
    assertEquals(2025, r.<Integer>getAs("target_year"));
    assertEquals("achieved", r.getAs("status"));
  }

  /** City-lms completions: 10603 a public-sector and a student learner, UNKNOWN a public-sector learner. */
  private static void completionsOfPublicSectorStaff(CubeFixture f) {
    Object[] completed = {"class_code", "HP-KNS-01", "valid_from", date("2025-11-05"), "status", "completed",
        "completed_on", date("2025-11-04")};
    f.lms.row(with(completed, "person_key", "m1", "ward_code", "10603", "target_group", "public_sector"))
        .row(with(completed, "person_key", "m2", "ward_code", "10603", "target_group", "student"))
        .row(with(completed, "person_key", "m3", "ward_code", "UNKNOWN", "target_group", "public_sector"));
  }

  @Test
  void measuredRate_countsTheGroupsCompletersOverThePopulation_unknownWardHasNoValue() {
    double staff = CubeFixture.reference("2025-11").denominators().find("10603", 2025, "public_sector_staff")
        .orElseThrow().value();
    assertEquals(1.0, numerator("10603", "PS_SKILLED_RATE_MEASURED"));
    assertEquals(100.0 / staff, value("10603", "ALL", "PS_SKILLED_RATE_MEASURED"), 1e-9);
    assertEquals(1.0, numerator("UNKNOWN", "PS_SKILLED_RATE_MEASURED"));
    assertNull(value("UNKNOWN", "ALL", "PS_SKILLED_RATE_MEASURED"));
    assertEquals(2.0, numerator("ALL", "PS_SKILLED_RATE_MEASURED"));
    assertEquals(2.0, numerator("10603", "RES_BASIC_SKILL_RATE_MEASURED"));
  }

  /**
   * In 10606, city-lms completions in November 2025 of persons born in 2011 (14 that year) and 2010 (15). In 10633, MOOC
   * registrations with a birth year, then certifications that carry none: born 2010 (15) and 2009 (16).
   */
  private static void adultsAndMinors(CubeFixture f) {
    Object[] completed = {"class_code", "HP-KNS-01", "valid_from", date("2025-11-05"), "status", "completed",
        "completed_on", date("2025-11-04"), "ward_code", "10606", "target_group", "student"};
    f.lms.row(with(completed, "person_key", "a14", "birth_year", 2011))
        .row(with(completed, "person_key", "a15", "birth_year", 2010));
    Object[] registered = {"verb", "registered", "course_code", "VN-01", "certifies", false, "is_voided", false,
        "local_date", date("2025-11-02"), "ward_code", "10633", "target_group", "resident"};
    Object[] passed = {"verb", "passed", "course_code", "VNEID-01", "certifies", true, "is_voided", false,
        "local_date", date("2025-11-20")};
    f.mooc.row(with(registered, "statement_id", "y1", "person_key", "b15", "birth_year", 2010))
        .row(with(registered, "statement_id", "y2", "person_key", "b16", "birth_year", 2009))
        .row(with(passed, "statement_id", "y3", "person_key", "b15"))
        .row(with(passed, "statement_id", "y4", "person_key", "b16"));
  }

  /**
   * In 10678, one adult completes a city-lms class (record key "p-lms", account "lk-1") and passes a MOOC course
   * (record key "p-mooc", account "ak-1"): the linkage says both accounts are person "p-1". Another adult
   * completes on city-lms only, through an account the linkage never saw (its record key counts).
   */
  private static void onePersonOnTwoPlatforms(CubeFixture f) {
    Object[] completed = {"class_code", "HP-KNS-01", "valid_from", date("2025-11-05"), "status", "completed",
        "completed_on", date("2025-11-04"), "ward_code", "10678", "target_group", "resident", "birth_year", 1980};
    f.lms.row(with(completed, "person_key", "p-lms", "learner_key", "lk-1"))
        .row(with(completed, "person_key", "p-other", "learner_key", "lk-2"));
    f.mooc.row("statement_id", "z1", "person_key", "p-mooc", "actor_key", "ak-1", "verb", "passed", "course_code",
        "VN-01", "certifies", false, "is_voided", false, "local_date", date("2025-11-10"), "ward_code", "10678",
        "target_group", "resident", "birth_year", 1980);
    for (String account : new String[] {"lk-1", "ak-1"}) {
      f.links.row("identifier_hash", account, "identifier_type", "account", "person_key", "p-1",
          "first_seen", date("2025-11-04"), "last_seen", date("2025-11-10"));
    }
  }

  @Test
  void personsLinkedAcrossPlatforms_countOnce() {
    assertEquals(2.0, numerator("10678", "RES_BASIC_SKILL_RATE_MEASURED"),
        "three completions, two persons: the linked one once");
    assertEquals(2.0, value("10678", "ALL", "LMS_COMPLETED"));
  }

  @Test
  void residentRates_countAdultsOnly_byTheAgeThePlansUse() {
    assertEquals(2.0, value("10606", "ALL", "LMS_COMPLETED"), "every completer is a learner");
    assertEquals(1.0, numerator("10606", "RES_BASIC_SKILL_RATE_MEASURED"), "from 15: the 14-year-old is not an adult");
    assertEquals(2.0, value("10633", "ALL", "VNEID_CERTIFIED"), "certified persons of all ages");
    assertEquals(1.0, numerator("10633", "RES_VNEID_CERT_RATE_MEASURED"),
        "from 16, by the birth year the person's registration gave");
  }

  /** A MOOC registration in 10615 at 00:30 on 1 December, Hải Phòng time (17:30 UTC on 30 November). */
  private static void registrationAtLocalMidnight(CubeFixture f) {
    f.mooc.row("statement_id", "s1", "person_key", "l1", "verb", "registered", "course_code", "VN-01", "ward_code", "10615",
        "target_group", "resident", "timestamp", instant("2025-11-30T17:30:00Z"), "local_date", date("2025-12-01"),
        "local_month", "2025-12", "certifies", false, "is_voided", false);
  }

  @Test
  void statementAtLocalMidnightOfDecemberFirst_countsInDecemberNotNovember() {
    assertEquals(0.0, value("10615", "ALL", "MOOC_LEARNERS"));
    assertEquals(1.0, cell("2025-12", "10615", "ALL", "MOOC_LEARNERS").<Double>getAs("value"));
  }

  /** v1 registered in 10546 and 10532 (parent) then passed a certification course; v2 passed with no registration. */
  private static void certifiedWithoutWard(CubeFixture f) {
    Object[] live = {"certifies", false, "is_voided", false, "local_date", date("2025-11-02"), "course_code", "VN-01",
        "person_key", "v1", "verb", "registered", "target_group", "parent"};
    Object[] passed = {"verb", "passed", "course_code", "VNEID-01", "certifies", true, "is_voided", false,
        "local_date", date("2025-11-20")};
    f.mooc.row(with(live, "statement_id", "r1", "ward_code", "10546"))
        .row(with(live, "statement_id", "r2", "ward_code", "10532"))
        .row(with(passed, "statement_id", "c1", "person_key", "v1"))
        .row(with(passed, "statement_id", "c2", "person_key", "v2"));
  }

  @Test
  void certifiedWithoutWard_countsInEveryWardThePersonRegisteredIn_elseUnknownResident() {
    assertEquals(1.0, value("10546", "parent", "VNEID_CERTIFIED"));
    assertEquals(1.0, value("10532", "parent", "VNEID_CERTIFIED"));
    assertEquals(1.0, value("UNKNOWN", "resident", "VNEID_CERTIFIED"));
    assertEquals(2.0 + 2.0, value("ALL", "ALL", "VNEID_CERTIFIED"), "v1 and v2, and the two of adultsAndMinors");
  }

  /** November documents: 10507 expects its ward unit and a school, only the ward unit reported; 10525 its ward unit, late. */
  private static void reportsOfTwoWards(CubeFixture f) {
    f.document("UB-10507", "2025-11", true).document("UB-10525", "2025-11", false);
  }

  @Test
  void wardMissingAnExpectedReport_isProvisionalOnReportedRows_andSoIsAll() {
    Assertions.assertTrue(provisional("10507", "PS_SKILLED_RATE"));
    Assertions.assertTrue(provisional("10507", "REPORT_COMPLETENESS"));
    assertFalse(provisional("10525", "PS_SKILLED_RATE"));
    assertFalse(provisional("10507", "PS_SKILLED_RATE_MEASURED"));
    Assertions.assertTrue(provisional("ALL", "WARD_COMMUNITY_CLASS_RATE"));
  }

  @Test
  void completenessAndTimeliness_countExpectedReceivedAndOnTime() {
    assertEquals(50.0, value("10507", "ALL", "REPORT_COMPLETENESS"));
    assertEquals(100.0, value("10525", "ALL", "REPORT_COMPLETENESS"));
    assertEquals(0.0, value("10525", "ALL", "REPORT_TIMELINESS"));
  }

  /** November reports with figures: 10606's ward unit approved and a unit not approved; 10633's ward unit approved. */
  private static void reportsApprovedOrNot(CubeFixture f) {
    f.decided("UB-10606", "10606", "2025-11", true).decided("HTX-10606", "10606", "2025-11", false)
        .decided("UB-10633", "10633", "2025-11", true);
  }

  private String approvedOf(String ward, String indicator) {
    Row r = cell("2025-11", ward, "ALL", indicator);
    return r.getAs("approved_units") + "/" + r.getAs("reporting_units");
  }

  @Test
  void reportedRows_sayHowManyOfTheirReportsAreApproved_andAreProvisionalUntilAllAre() {
    assertEquals("1/2", approvedOf("10606", "PS_SKILLED_RATE"));
    Assertions.assertTrue(provisional("10606", "PS_SKILLED_RATE"));
    assertEquals("1/1", approvedOf("10633", "PS_SKILLED_RATE"));
    assertFalse(provisional("10633", "PS_SKILLED_RATE"));
    assertEquals("2/3", approvedOf("ALL", "WARD_COMMUNITY_CLASS_RATE"));
    // A ward with no report has nothing to approve; a measured figure carries no share.
    assertEquals("0/0", approvedOf("10642", "PS_SKILLED_RATE"));
    assertEquals("null/null", approvedOf("10606", "REPORT_COMPLETENESS"));
  }

  /** STU_EQUIPPED_RATE reported 90 % in 10552 and 10 % in 10573, where nobody completed a course. */
  private static void reportedFarAboveMeasured(CubeFixture f) {
    f.report("UB-10552", "10552", "2025-11", "students_equipped", 90).report("UB-10552", "10552", "2025-11", "students_total", 100)
        .report("UB-10573", "10573", "2025-11", "students_equipped", 10).report("UB-10573", "10573", "2025-11", "students_total", 100);
  }

  @Test
  void reportedMoreThanTwentyPointsAboveMeasured_isFlagged() {
    Dataset<Row> stu = gaps.filter(col("month").equalTo("2025-11").and(col("indicator_code").equalTo("STU_EQUIPPED_RATE")));
    Assertions.assertTrue(stu.filter(col("ward_code").equalTo("10552")).first().<Boolean>getAs("flagged"));
    assertFalse(stu.filter(col("ward_code").equalTo("10573")).first().<Boolean>getAs("flagged"));
    assertFalse(stu.filter(col("ward_code").equalTo("10507")).first().<Boolean>getAs("flagged"), "no report, no flag");
  }

  @Test
  void cubeIsDense_everyCellOfEveryBreakdownInEveryMonth_withZeroCounts() {
    long perMonth = CubeFixture.cellsPerMonth();
    assertEquals(2 * perMonth, cube.count());
    assertEquals(2 * perMonth, cells.size(), "keys are unique");
    assertEquals(0.0, value("10573", "student", "LMS_LEARNERS"));
    assertNull(value("10573", "ALL", "FIXED_DL_MBPS"));
    assertEquals("no_data", cell("2025-11", "10573", "ALL", "PS_SKILLED_RATE").getAs("status"), "a target, no report");
    assertEquals("no_target", cell("2025-11", "10573", "ALL", "DIGITAL_FAMILY_RATE").getAs("status"));
  }
}
