package vn.haiphong.bdhvs.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fixtures are assembled from parts: no committed line may hold a 12-digit citizen-id-like number. */
class CccdTest {

  private static final String PROVINCE = "0" + "31";
  private static final String REST = "2".repeat(9);
  private static final String CCCD = PROVINCE + REST;

  @Test
  void normalize_twelveDigits() {
    assertEquals(Optional.of(CCCD), Cccd.normalize(CCCD));
  }

  @Test
  void normalize_spacesAndDotsAreIgnored() {
    assertEquals(Optional.of(CCCD), Cccd.normalize(" " + PROVINCE + " " + REST.substring(0, 3) + "." + REST.substring(3) + " "));
  }

  @Test
  void normalize_excelDroppedLeadingZeroIsRestored() {
    assertEquals(Optional.of(CCCD), Cccd.normalize(CCCD.substring(1)));
  }

  @Test
  void normalize_wrongLengthIsEmpty() {
    assertEquals(Optional.empty(), Cccd.normalize(CCCD.substring(2)));
    assertEquals(Optional.empty(), Cccd.normalize(CCCD + "1"));
  }

  @Test
  void normalize_lettersAreEmpty() {
    assertEquals(Optional.empty(), Cccd.normalize(CCCD.substring(1) + "x"));
  }

  @Test
  void normalize_nullOrBlankIsEmpty() {
    assertEquals(Optional.empty(), Cccd.normalize(null));
    assertEquals(Optional.empty(), Cccd.normalize("  "));
  }
}
