package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VietNumberTest {
  @Test
  void format_groupsThousandsWithDotsAndWritesDecimalsWithAComma() {
    assertEquals("311.243", VietNumber.format(311243));
    assertEquals("45.344", VietNumber.format(45344));
    assertEquals("233,41", VietNumber.format(233.41));
    assertEquals("1.234.567,5", VietNumber.format(1234567.5));
  }

  @Test
  void format_keepsAtMostTwoDecimalsRoundingHalfUp() {
    assertEquals("85,13", VietNumber.format(85.125));
    assertEquals("80", VietNumber.format(80.0));
    assertEquals("0", VietNumber.format(-0.001));
    assertEquals("-3", VietNumber.format(-3));
  }

  @Test
  void withUnit_writesEachUnitAsTheReportsDo() {
    assertEquals("233,41 Mbps", VietNumber.withUnit(233.41, "mbps"));
    assertEquals("85,3%", VietNumber.withUnit(85.3, "percent"));
    assertEquals("311.243", VietNumber.withUnit(311243.0, "count"));
    assertEquals("5,2", VietNumber.withUnit(5.2, "ratio"));
    assertEquals("—", VietNumber.withUnit(null, "percent"));
  }
}
