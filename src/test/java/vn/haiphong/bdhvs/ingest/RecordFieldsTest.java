package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.contract.TableContract;

class RecordFieldsTest {
  private static final TableContract ENROLMENTS = TableContract.load("input", "lms_enrolments");

  private static RecordFields fields(Map<String, String> values) {
    return new RecordFields(ENROLMENTS, values::get);
  }

  @Test
  void required_emptyFieldRejectsTheRecordNamingTheHeader() {
    RecordRejected e = assertThrows(RecordRejected.class, () -> fields(Map.of("learner_id", "  ")).required("learner_id"));
    assertEquals(RejectReason.MISSING_REQUIRED, e.reason());
    assertTrue(e.getMessage().contains("Mã học viên"), e.getMessage());
  }

  @Test
  void requiredDate_unreadableDateRejectsTheRecordBadDate() {
    RecordRejected e = assertThrows(RecordRejected.class,
        () -> fields(Map.of("enrolled_on", "30/02/2025")).requiredDate("enrolled_on"));
    assertEquals(RejectReason.BAD_DATE, e.reason());
    assertTrue(e.getMessage().contains("Ngày ghi danh") && e.getMessage().contains("dd/MM/yyyy"), e.getMessage());
  }

  @Test
  void optional_unreadableValueIsNullAndFlaggedWithItsColumn() {
    RecordFields f = fields(Map.of("progress_pct", "nhiều"));
    assertNull(f.optionalPercent("progress_pct"));
    assertArrayEquals(new String[] {"bad_value:progress_pct"}, f.flags());
  }

  @Test
  void optional_emptyValueIsNullWithoutFlag() {
    RecordFields f = fields(Map.of("progress_pct", ""));
    assertNull(f.optionalPercent("progress_pct"));
    assertEquals(0, f.flags().length);
  }

  @Test
  void required_unreadablePersonalValueIsNeverEchoed() {
    String birth = "31/02/19" + "91";
    RecordRejected e = assertThrows(RecordRejected.class,
        () -> fields(Map.of("birth_date", birth)).required("birth_date", ExportValues::date, RejectReason.BAD_DATE));
    assertFalse(e.getMessage().contains(birth), e.getMessage());
    assertTrue(e.getMessage().contains("Ngày sinh") && e.getMessage().contains("dd/MM/yyyy"), e.getMessage());
  }

  @Test
  void required_unreadableValueOfATableWithoutPersonalDataIsShownToHelpFixIt() {
    RecordFields visits = new RecordFields(TableContract.load("input", "contest_visits"), Map.of("date", "2025-10-01")::get);
    RecordRejected e = assertThrows(RecordRejected.class, () -> visits.requiredDate("date"));
    assertEquals("column 'Ngày': expected a date dd/MM/yyyy, found '2025-10-01'", e.getMessage());
  }

  @Test
  void required_phoneSwappedIntoADateColumnIsShownOnlyByItsShape() {
    // A record of a table with personal columns: any column may hold a phone number once columns shift.
    String phone = "0913 " + "429 837";
    RecordRejected e = assertThrows(RecordRejected.class,
        () -> fields(Map.of("enrolled_on", phone)).requiredDate("enrolled_on"));
    assertEquals(RejectReason.BAD_DATE, e.reason());
    assertFalse(e.getMessage().contains("429"), e.getMessage());
    assertTrue(e.getMessage().startsWith("column 'Ngày ghi danh': expected a date dd/MM/yyyy, found a value shaped "
        + "'9999 999 999'"), e.getMessage());
  }

  @Test
  void requiredDate_outsideTheActivityYearsIsRejectedBadDate() {
    for (String day : List.of("01/01/1900", "31/12/9999", "01/01/0001")) {
      RecordRejected e = assertThrows(RecordRejected.class,
          () -> fields(Map.of("enrolled_on", day)).requiredDate("enrolled_on"), day);
      assertEquals(RejectReason.BAD_DATE, e.reason());
      assertTrue(e.getMessage().contains("expected a date from 2000 to 2100"), e.getMessage());
    }
  }

  @Test
  void optionalDate_birthDatesHaveTheirOwnYears() {
    RecordFields old = fields(Map.of("birth_date", "15/08/1931"));
    assertEquals(java.time.LocalDate.of(1931, 8, 15), old.optionalDate("birth_date"));
    RecordFields ancient = fields(Map.of("birth_date", "15/08/1899"));
    assertNull(ancient.optionalDate("birth_date"));
    assertArrayEquals(new String[] {"bad_value:birth_date"}, ancient.flags());
  }
}
