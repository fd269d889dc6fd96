package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class ExportValuesTest {

  @Test
  void date_readsDayMonthYear() {
    assertEquals(LocalDate.of(2025, 11, 3), ExportValues.date("03/11/2025"));
    assertEquals(LocalDate.of(2025, 11, 3), ExportValues.date(" 3/11/2025 "));
  }

  @Test
  void date_refusesImpossibleDay() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportValues.date("31/02/2025"));
    assertTrue(e.getMessage().contains("dd/MM/yyyy"), e.getMessage());
  }

  @Test
  void date_refusesIsoOrder() {
    assertThrows(IllegalArgumentException.class, () -> ExportValues.date("2025-11-03"));
  }

  @Test
  void localTimestamp_acceptsMinutesOrSeconds() {
    assertEquals(LocalDateTime.of(2025, 11, 30, 23, 59), ExportValues.localTimestamp("30/11/2025 23:59"));
    assertEquals(LocalDateTime.of(2025, 11, 30, 23, 59, 58), ExportValues.localTimestamp("30/11/2025 23:59:58"));
  }

  @Test
  void isoTimestamp_zuluCrossesLocalMonthEnd() {
    LocalDate local = ExportValues.isoTimestamp("2025-11-30T18:30:00Z")
        .atZoneSameInstant(ExportValues.LOCAL_ZONE).toLocalDate();
    assertEquals(LocalDate.of(2025, 12, 1), local);
  }

  @Test
  void count_readsThousandsDots() {
    assertEquals(45344, ExportValues.count("45.344"));
    assertEquals(5078387, ExportValues.count("5.078.387"));
    assertEquals(45344, ExportValues.count("45344"));
    assertEquals(45344, ExportValues.count("45 344"));
  }

  @Test
  void count_refusesDecimal() {
    assertThrows(IllegalArgumentException.class, () -> ExportValues.count("45,5"));
    assertThrows(IllegalArgumentException.class, () -> ExportValues.count("abc"));
  }

  @Test
  void count_beyondALongIsAnUnexpectedValueNotANumberFormatCrash() {
    UnexpectedValue e = assertThrows(UnexpectedValue.class, () -> ExportValues.count("99999999999999999999"));
    assertEquals("a whole number of at most 18 digits", e.expected());
  }

  @Test
  void decimal_tooLargeForADoubleIsRefusedNotInfinity() {
    String huge = "1" + "0".repeat(400);
    UnexpectedValue e = assertThrows(UnexpectedValue.class, () -> ExportValues.decimal(huge));
    assertEquals("a finite number", e.expected());
  }

  @Test
  void decimal_readsCommaOrDot() {
    assertEquals(233.41, ExportValues.decimal("233,41"), 1e-9);
    assertEquals(233.41, ExportValues.decimal("233.41"), 1e-9);
  }

  @Test
  void percent_readsAllExportForms() {
    assertEquals(85.0, ExportValues.percent("85"), 1e-9);
    assertEquals(85.0, ExportValues.percent("85%"), 1e-9);
    assertEquals(85.5, ExportValues.percent("85,5"), 1e-9);
  }

  @Test
  void percent_refusesOutOfRange() {
    assertThrows(IllegalArgumentException.class, () -> ExportValues.percent("140"));
  }

  @Test
  void months_readBothForms() {
    assertEquals(YearMonth.of(2025, 9), ExportValues.month("09/2025"));
    assertEquals(YearMonth.of(2025, 9), ExportValues.isoMonth("2025-09"));
    assertThrows(IllegalArgumentException.class, () -> ExportValues.isoMonth("2025-13"));
  }
}
