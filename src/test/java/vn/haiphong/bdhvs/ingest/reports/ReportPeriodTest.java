package vn.haiphong.bdhvs.ingest.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  @ParameterizedTest(name = "{0} {1} runs {2} to {3}")
  @CsvSource({
      "month,   2025-11, 2025-11-01, 2025-11-30",
      "month,   2024-02, 2024-02-01, 2024-02-29",
      "quarter, 2025-Q4, 2025-10-01, 2025-12-31",
      "quarter, 2025-q1, 2025-01-01, 2025-03-31",
      "half,    2025-H1, 2025-01-01, 2025-06-30",
      "half,    2025-H2, 2025-07-01, 2025-12-31",
      "year,    2025,    2025-01-01, 2025-12-31"})
  void parse_givesThePeriodsFirstAndLastDay(String type, String period, LocalDate start, LocalDate end) {
    ReportPeriod p = ReportPeriod.parse(type, period);
    assertEquals(start, p.start());
    assertEquals(end, p.end());
  }

  @Test
  void onTime_untilTheFifthDayAfterThePeriodEndsInclusive() {
    ReportPeriod november = ReportPeriod.parse("month", "2025-11");
    assertTrue(november.onTime(LocalDate.of(2025, 12, 5)));
    assertFalse(november.onTime(LocalDate.of(2025, 12, 6)));
  }

  @Test
  void onTime_quarterCountsFromTheQuartersLastDay() {
    ReportPeriod q4 = ReportPeriod.parse("quarter", "2025-Q4");
    assertTrue(q4.onTime(LocalDate.of(2026, 1, 5)));
    assertFalse(q4.onTime(LocalDate.of(2026, 1, 6)));
  }

  @Test
  void parse_periodNotMatchingItsTypeNamesWhatWasExpected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse("quarter", "2025-11"));
    assertTrue(e.getMessage().contains("2025-11") && e.getMessage().contains("yyyy-Qn"), e.getMessage());
  }

  @Test
  void parse_monthThirteenIsNotAMonth() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse("month", "2025-13"));
    assertTrue(e.getMessage().contains("yyyy-MM"), e.getMessage());
  }

  @Test
  void parse_unknownPeriodTypeNamesTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportPeriod.parse("week", "2025-W48"));
    assertTrue(e.getMessage().contains("month, quarter, half, year"), e.getMessage());
  }
}
