package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.Ward;

/** Which units and figures a ward's or a unit's report takes, on a few rows made here. */
class ReportScopeTest {
  private static final YearMonth NOV = YearMonth.of(2025, 11);
  private static final Ward THANH_DONG = new Ward("10507", "Thành Đông", "phuong", 50307L, 12.22);
  private static final ReportingUnit WARD_UNIT = new ReportingUnit("UB-10507", "UBND phường Thành Đông", "ward", "10507", List.of("month"));
  private static final ReportingUnit SCHOOL = new ReportingUnit("TH-1", "Trường Tiểu học A", "school", "10507", List.of("month"));
  private static final ReportingUnit OTHER_WARD = new ReportingUnit("UB-10525", "UBND phường Hải Dương", "ward", "10525", List.of("month"));
  private static final ReportingUnit DEPARTMENT = new ReportingUnit("SO-GDDT", "Sở Giáo dục và Đào tạo", "department", null, List.of("month"));

  @Test
  void ward_coversTheUnitsPlacedInIt_notAnotherWardsNorADepartment() {
    ReportScope ward = ReportScope.ward(THANH_DONG);
    assertTrue(ward.covers(WARD_UNIT));
    assertTrue(ward.covers(SCHOOL), "a school of the ward");
    assertFalse(ward.covers(OTHER_WARD));
    assertFalse(ward.covers(DEPARTMENT), "a department has no ward");
  }

  @Test
  void unit_coversItselfOnly_andTheCityEveryUnit() {
    ReportScope unit = ReportScope.unit(DEPARTMENT);
    assertTrue(unit.covers(DEPARTMENT));
    assertFalse(unit.covers(WARD_UNIT));
    assertTrue(List.of(WARD_UNIT, SCHOOL, OTHER_WARD, DEPARTMENT).stream().allMatch(ReportScope.city()::covers));
  }

  @Test
  void pages_keepTheCityFileAndPutTheOthersInTheMonthsFolder() {
    assertEquals("2025-11.html", ReportScope.city().page(NOV));
    assertEquals("2025-11/xa-phuong/10507.html", ReportScope.ward(THANH_DONG).page(NOV));
    assertEquals("2025-11/don-vi/SO-GDDT.html", ReportScope.unit(DEPARTMENT).page(NOV));
    assertEquals("2025-11/index.html", ReportScope.indexPage(NOV));
  }

  @Test
  void due_keepsTheScopesUnitsInTheCitysOrder() {
    List<UnitReporting.Due> all = List.of(due(OTHER_WARD, UnitReporting.State.NOT_RECEIVED), due(SCHOOL, UnitReporting.State.NOT_RECEIVED),
        due(DEPARTMENT, UnitReporting.State.LATE), due(WARD_UNIT, UnitReporting.State.ON_TIME));
    MonthlyFigures f = new MonthlyFigures(NOV, new CitySeries(List.of()), new WardFigures(List.of()), List.of(), all, List.of(),
        List.of(), List.of(), Optional.empty(), List.of(), MonthlyFigures.Narrative.NONE);
    assertEquals(List.of(SCHOOL, WARD_UNIT), ScopeReport.due(ReportScope.ward(THANH_DONG), f).stream().map(UnitReporting.Due::unit).toList());
    assertEquals(List.of(DEPARTMENT), ScopeReport.due(ReportScope.unit(DEPARTMENT), f).stream().map(UnitReporting.Due::unit).toList());
  }

  @Test
  void place_countsTheWardsAboveAndSharesPlacesOnEqualFigures() {
    WardFigures wards = new WardFigures(List.of(row("10507", 62.0, "on_track"), row("10525", 80.0, "achieved"),
        row("10532", 62.0, "on_track"), row("10537", 40.0, "off_track"), row("10545", null, "no_data")));
    assertEquals(Optional.of(new WardRanking.Place(1, 4)), WardRanking.place("RES_BASIC_SKILL_RATE", "10525", wards));
    assertEquals(Optional.of(new WardRanking.Place(2, 4)), WardRanking.place("RES_BASIC_SKILL_RATE", "10507", wards));
    assertEquals(Optional.of(new WardRanking.Place(2, 4)), WardRanking.place("RES_BASIC_SKILL_RATE", "10532", wards), "a tie");
    assertEquals(Optional.of(new WardRanking.Place(4, 4)), WardRanking.place("RES_BASIC_SKILL_RATE", "10537", wards));
    assertEquals(Optional.empty(), WardRanking.place("RES_BASIC_SKILL_RATE", "10545", wards), "no figure, no place");
    assertEquals(Optional.empty(), WardRanking.place("PS_SKILLED_RATE", "10507", wards), "no such indicator");
  }

  @Test
  void statusCounts_countTheCubesStatusesAndLeaveOutFiguresWithoutATarget() {
    Map<StatusLabel, Integer> counts = ReportIndex.statusCounts(List.of(row("10507", 90.0, "achieved"), row("10507", 91.0, "achieved"),
        row("10507", 10.0, "off_track"), row("10507", null, "no_data"), row("10507", 5.0, "no_target")));
    assertEquals(2, counts.get(StatusLabel.ACHIEVED));
    assertEquals(1, counts.get(StatusLabel.OFF_TRACK));
    assertEquals(1, counts.get(StatusLabel.NO_DATA));
    assertEquals(0, counts.get(StatusLabel.ON_TRACK));
    assertFalse(counts.containsKey(StatusLabel.NO_TARGET));
  }

  @Test
  void unknownWardOrUnit_isAUserErrorNamingTheCode(@TempDir Path warehouse) {
    MonthlyReport report = MonthlyReport.withReference();
    UserError ward = assertThrows(UserError.class, () -> report.write(warehouse, NOV, MonthlyReport.Selection.WARD, "99999"));
    assertTrue(ward.getMessage().startsWith("--ward 99999: no such ward"), ward.getMessage());
    UserError unit = assertThrows(UserError.class, () -> report.write(warehouse, NOV, MonthlyReport.Selection.UNIT, "SO-XYZ"));
    assertTrue(unit.getMessage().startsWith("--unit SO-XYZ: no such reporting unit"), unit.getMessage());
  }

  @Test
  void departments_areTheUnitsOfKindDepartment() {
    List<ReportingUnit> departments = MonthlyReport.withReference().departments();
    assertEquals(14, departments.size(), "reference/reporting_units.csv: 13 departments and the People's Committee office");
    assertTrue(departments.stream().allMatch(u -> u.kind().equals("department") && u.wardCode() == null));
  }

  private static UnitReporting.Due due(ReportingUnit unit, UnitReporting.State state) {
    return new UnitReporting.Due(unit, "month", "2025-11", state, null, 0, null, false);
  }

  private static CubeRow row(String ward, Double value, String status) {
    return new CubeRow(NOV, ward, "ALL", "RES_BASIC_SKILL_RATE", null, null, value, "percent", 80.0, 2025, status, false);
  }
}
