package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class VietTextTest {

  @Test
  void fold_nullIsEmpty() {
    assertEquals("", VietText.fold(null));
  }

  @Test
  void fold_toneOnEitherVowelIsTheSame() {
    assertEquals("thuy", VietText.fold("Thủy"));
    assertEquals("thuy", VietText.fold("Thuỷ"));
  }

  @Test
  void fold_nfdInputEqualsNfc() {
    assertEquals(VietText.fold("Đồ Sơn"), VietText.fold(Normalizer.normalize("Đồ Sơn", Normalizer.Form.NFD)));
  }

  @Test
  void fold_upperCaseWithoutDiacritics() {
    assertEquals("thuy", VietText.fold("THUY"));
  }

  @Test
  void fold_dWithStrokeBecomesD() {
    assertEquals("dd", VietText.fold("Đđ"));
  }

  @Test
  void fold_collapsesAndTrimsWhitespace() {
    assertEquals("thuy nguyen", VietText.fold("  Thủy \t\u00A0 Nguyên "));
  }

  @Test
  void toneKey_ignoresTonePlacementButKeepsTones() {
    assertEquals(VietText.toneKey("Cộng Hòa"), VietText.toneKey("Cộng Hoà"));
    assertNotEquals(VietText.toneKey("Cẩm Giang"), VietText.toneKey("Cẩm Giàng"));
  }
}
