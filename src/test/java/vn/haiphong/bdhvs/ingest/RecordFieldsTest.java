package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
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
        () -> fields(Map.of("birth_date", birth)).required("birth_date", VietFormats::date, RejectReason.BAD_DATE));
    assertFalse(e.getMessage().contains(birth), e.getMessage());
    assertTrue(e.getMessage().contains("Ngày sinh") && e.getMessage().contains("dd/MM/yyyy"), e.getMessage());
  }

  @Test
  void required_unreadableOrdinaryValueIsShownToHelpFixIt() {
    RecordRejected e = assertThrows(RecordRejected.class,
        () -> fields(Map.of("enrolled_on", "2025-10-01")).requiredDate("enrolled_on"));
    assertTrue(e.getMessage().contains("2025-10-01"), e.getMessage());
  }
}
