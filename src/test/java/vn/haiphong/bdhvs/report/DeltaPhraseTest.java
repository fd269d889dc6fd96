package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class DeltaPhraseTest {
  private static final YearMonth OCT = YearMonth.of(2025, 10);

  @Test
  void of_speedRiseIsWrittenLikeTheSeedReport() {
    assertEquals("tăng 61 Mbps so với tháng 9/2025",
        DeltaPhrase.of("MOBILE_DL_MBPS", "mbps", 313.0, 252.0, DeltaPhrase.SPEED_BASELINE).orElseThrow());
  }

  @Test
  void of_countFallNamesWhatIsCounted() {
    assertEquals("giảm 3 trạm so với tháng 10/2025", DeltaPhrase.of("BTS_4G", "count", 1200.0, 1203.0, OCT).orElseThrow());
    assertEquals("tăng 1.250 thí sinh so với tháng 10/2025",
        DeltaPhrase.of("CONTEST_REGISTRANTS", "count", 311243.0, 309993.0, OCT).orElseThrow());
  }

  @Test
  void of_rateChangeIsInPercentagePointsWithADecimalComma() {
    assertEquals("tăng 2,5 điểm phần trăm so với tháng 10/2025",
        DeltaPhrase.of("PS_SKILLED_RATE", "percent", 82.5, 80.0, OCT).orElseThrow());
  }

  @Test
  void of_noChangeAtDisplayedPrecisionSaysUnchanged() {
    assertEquals("không đổi so với tháng 10/2025", DeltaPhrase.of("BTS_4G", "count", 1200.001, 1200.0, OCT).orElseThrow());
  }

  @Test
  void of_missingFigureGivesNoPhrase() {
    assertTrue(DeltaPhrase.of("BTS_4G", "count", null, 1.0, OCT).isEmpty());
    assertTrue(DeltaPhrase.of("BTS_4G", "count", 1.0, null, OCT).isEmpty());
  }

  @Test
  void comparedWith_speedsAgainstSeptember2025CountsAgainstThePreviousMonth() {
    assertEquals(YearMonth.of(2025, 9), DeltaPhrase.comparedWith("mbps", YearMonth.of(2025, 11)));
    assertEquals(YearMonth.of(2025, 9), DeltaPhrase.comparedWith("mbps", YearMonth.of(2026, 3)));
    assertEquals(YearMonth.of(2025, 8), DeltaPhrase.comparedWith("mbps", YearMonth.of(2025, 9)));
    assertEquals(OCT, DeltaPhrase.comparedWith("count", YearMonth.of(2025, 11)));
    assertEquals(YearMonth.of(2025, 12), DeltaPhrase.comparedWith("percent", YearMonth.of(2026, 1)));
  }
}
