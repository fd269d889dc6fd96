package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PeriodsDueTest {

  @Test
  void monthlyReporter_owesEveryMonth() {
    assertEquals(Optional.of("2025-11"), PeriodsDue.due("month", YearMonth.of(2025, 11)));
  }

  @Test
  void longerPeriods_areOwedInTheMonthTheyEnd() {
    assertEquals(Optional.of("2025-Q3"), PeriodsDue.due("quarter", YearMonth.of(2025, 9)));
    assertEquals(Optional.empty(), PeriodsDue.due("quarter", YearMonth.of(2025, 11)));
    assertEquals(Optional.of("2025-H2"), PeriodsDue.due("half", YearMonth.of(2025, 12)));
    assertEquals(Optional.empty(), PeriodsDue.due("half", YearMonth.of(2025, 9)));
    assertEquals(Optional.of("2025"), PeriodsDue.due("year", YearMonth.of(2025, 12)));
    assertEquals(Optional.empty(), PeriodsDue.due("year", YearMonth.of(2025, 11)));
  }
}
