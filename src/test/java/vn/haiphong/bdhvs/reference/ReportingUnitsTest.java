package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ReportingUnitsTest {

  private static final WardDirectory WARDS = WardDirectory.load();
  private static final ReportingUnits UNITS = ReportingUnits.load(WARDS);

  @Test
  void load_oneWardCommitteePerWard() {
    for (Ward ward : WARDS.wards()) {
      ReportingUnit unit = UNITS.byCode("UB-" + ward.code()).orElseThrow();
      assertEquals("ward", unit.kind());
      assertEquals(ward.code(), unit.wardCode());
      assertEquals(List.of("month"), unit.expectedPeriodTypes());
    }
  }

  @Test
  void load_departmentsAndSchools() {
    Map<String, Long> byKind = UNITS.units().stream().collect(Collectors.groupingBy(ReportingUnit::kind, Collectors.counting()));
    assertEquals(114L, byKind.get("ward"));
    assertTrue(byKind.get("department") >= 10);
    assertTrue(byKind.get("school") >= 40);
  }

  @Test
  void load_departmentsHaveNoWard() {
    UNITS.units().stream().filter(u -> u.kind().equals("department")).forEach(u -> assertEquals(null, u.wardCode()));
  }

  @Test
  void expectedPeriodTypes_ofDepartmentIncludesQuarter() {
    assertTrue(UNITS.expectedPeriodTypes("SO-GDDT").containsAll(List.of("month", "quarter")));
  }

  @Test
  void expectedPeriodTypes_ofUnknownUnitIsEmpty() {
    assertEquals(List.of(), UNITS.expectedPeriodTypes("SO-KHONG"));
  }

  @Test
  void byCode_isCaseInsensitive() {
    assertTrue(UNITS.byCode(" so-gddt").isPresent());
  }
}
