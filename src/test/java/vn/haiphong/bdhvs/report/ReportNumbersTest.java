package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReportNumbersTest {
  @Test
  void format_groupsThousandsWithDotsAndWritesDecimalsWithAComma() {
    assertEquals("311.243", ReportNumbers.format(311243));
    assertEquals("45.344", ReportNumbers.format(45344));
    assertEquals("233,41", ReportNumbers.format(233.41));
    assertEquals("1.234.567,5", ReportNumbers.format(1234567.5));
  }

  @Test
  void format_keepsAtMostTwoDecimalsRoundingHalfUp() {
    assertEquals("85,13", ReportNumbers.format(85.125));
    assertEquals("80", ReportNumbers.format(80.0));
    assertEquals("0", ReportNumbers.format(-0.001));
    assertEquals("-3", ReportNumbers.format(-3));
  }

  @Test
  void withUnit_writesEachUnitAsTheReportsDo() {
    assertEquals("233,41 Mbps", ReportNumbers.withUnit(233.41, "mbps"));
    assertEquals("85,3%", ReportNumbers.withUnit(85.3, "percent"));
    assertEquals("311.243", ReportNumbers.withUnit(311243.0, "count"));
    assertEquals("5,2", ReportNumbers.withUnit(5.2, "ratio"));
    assertEquals("—", ReportNumbers.withUnit(null, "percent"));
  }
}
