package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.bdhvs.codes.DimensionMember;

class WardDirectoryTest {

  private static final WardDirectory WARDS = WardDirectory.load();
  private static final String DO_SON = "11455";

  private static void resolvesTo(String code, String method, String raw) {
    assertEquals(new WardResolution(code, method, null), WARDS.resolve(raw), raw);
  }

  private static void unresolved(String flag, String raw) {
    assertEquals(new WardResolution(DimensionMember.UNKNOWN, "none", flag), WARDS.resolve(raw), raw);
  }

  @Test
  void load_has114UnitsOrderedByCode() {
    assertEquals(114, WARDS.wards().size());
    assertTrue(WARDS.wards().get(0).code().compareTo(WARDS.wards().get(113).code()) < 0);
  }

  @Test
  void load_has45Phuong67Xa2DacKhu() {
    Map<String, Long> byType = WARDS.wards().stream().collect(Collectors.groupingBy(Ward::unitType, Collectors.counting()));
    assertEquals(Map.of("phuong", 45L, "xa", 67L, "dac_khu", 2L), byType);
  }

  @Test
  void load_unknownPopulationIsNullNeverZero() {
    assertEquals(12, WARDS.wards().stream().filter(w -> w.population() == null).count());
    assertTrue(WARDS.wards().stream().allMatch(w -> w.population() == null || w.population() > 0));
  }

  @Test
  void byCode_trimsSpaces() {
    assertEquals("Đồ Sơn", WARDS.byCode(" " + DO_SON + " ").orElseThrow().name());
  }

  @Test
  void resolve_code() {
    resolvesTo(DO_SON, "code", DO_SON);
  }

  @Test
  void resolve_codeWithSurroundingSpaces() {
    resolvesTo(DO_SON, "code", "  " + DO_SON + "\t");
  }

  @Test
  void resolve_codeFollowedByName() {
    resolvesTo(DO_SON, "code", DO_SON + " - Phường Đồ Sơn");
  }

  @Test
  void resolve_unknownFiveDigitCodeIsUnknown() {
    unresolved("ward_unknown", "99999");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Phường Đồ Sơn", "phường đồ sơn", "PHƯỜNG ĐỒ SƠN", "P. Đồ Sơn", "P.Đồ Sơn", "p Đồ Sơn",
      "Đồ Sơn", "do son", "Phuong Do Son", "  Đồ   Sơn ", "Đồ Sơn, Hải Phòng", "Phường Đồ Sơn, thành phố Hải Phòng"})
  void resolve_currentNameWithOrWithoutTypeWord(String raw) {
    resolvesTo(DO_SON, "name", raw);
  }

  @Test
  void resolve_nfdInput() {
    resolvesTo(DO_SON, "name", Normalizer.normalize("Phường Đồ Sơn", Normalizer.Form.NFD));
  }

  @Test
  void resolve_toneMarkOnTheOtherVowel() {
    resolvesTo("11560", "name", "Phường Thuỷ Nguyên");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Xã An Hưng", "X. An Hưng", "X.An Hưng", "xa an hung"})
  void resolve_xaTypeWords(String raw) {
    resolvesTo("11674", "name", raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Đặc khu Cát Hải", "ĐK Cát Hải", "dac khu cat hai", "DK Cat Hai"})
  void resolve_dacKhuTypeWords(String raw) {
    resolvesTo("11914", "name", raw);
  }

  @Test
  void resolve_namesDifferingOnlyByDiacriticsNeedThem() {
    resolvesTo("10888", "name", "Xã Cẩm Giang");
    resolvesTo("10903", "name", "Xã Cẩm Giàng");
    unresolved("ward_unknown", "cam giang");
  }

  @Test
  void resolve_legacyNameOfOneNewUnit() {
    resolvesTo("11809", "legacy_name", "xã Vinh Quang");
  }

  @ParameterizedTest
  @ValueSource(strings = {"TT. Núi Đối", "thị trấn Núi Đối", "TT Núi Đối", "thi tran nui doi"})
  void resolve_legacyThiTran(String raw) {
    resolvesTo("11680", "legacy_name", raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Xã Hùng Thắng, huyện Bình Giang", "xã Hùng Thắng (Bình Giang)", "Hùng Thắng - Bình Giang",
      "xa hung thang, h. binh giang", "Hùng Thắng, Bình Giang, Hải Dương"})
  void resolve_legacyNameWithDistrict(String raw) {
    resolvesTo("10945", "legacy_name", raw);
  }

  @Test
  void resolve_currentNameWinsOverLegacyNameWithoutDistrict() {
    resolvesTo("11809", "name", "Xã Hùng Thắng");
    resolvesTo("11359", "name", "phường Gia Viên");
  }

  @Test
  void resolve_legacyNameTheResolutionGaveADistrict() {
    resolvesTo("11506", "legacy_name", "xã Quang Trung (thành phố Thủy Nguyên)");
    resolvesTo("11647", "legacy_name", "xã Quang Trung, huyện An Lão");
  }

  @Test
  void resolve_sameLegacyNameInSeveralDistrictsWithoutDistrictIsAmbiguous() {
    unresolved("ward_ambiguous_legacy", "xã Quang Trung");
  }

  @Test
  void resolve_legacyNameSplitAcrossUnitsIsAmbiguous() {
    unresolved("ward_ambiguous_legacy", "phường Lạch Tray");
    unresolved("ward_ambiguous_legacy", "phường Nam Sơn, quận Kiến An");
  }

  @Test
  void resolve_landOnlyShareDoesNotMakeALegacyNameAmbiguous() {
    // "một phần diện tích thị trấn Trường Sơn" went to Phù Liễn; its people are all in An Lão.
    resolvesTo("11629", "legacy_name", "thị trấn Trường Sơn");
  }

  @Test
  void resolve_districtNotWrittenInTheResolutionFallsBackToTheUnitWithoutOne() {
    resolvesTo("11473", "legacy_name", "phường Minh Đức, thành phố Thủy Nguyên");
    resolvesTo("11737", "legacy_name", "phường Minh Đức (quận Đồ Sơn)");
    unresolved("ward_ambiguous_legacy", "phường Minh Đức");
  }

  @Test
  void resolve_knownSpellingVariants() {
    resolvesTo("11086", "legacy_name", "xã Bình Lãng");
    resolvesTo("11086", "legacy_name", "xã Bình Lăng");
    unresolved("ward_ambiguous_legacy", "xã Cộng Hoà");
  }

  @Test
  void resolve_formerDistrictAsAWhole() {
    resolvesTo("11948", "legacy_name", "huyện Bạch Long Vĩ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Việt Trì", "Hà Nội", "phường 7", "x", "???"})
  void resolve_unknownName(String raw) {
    unresolved("ward_unknown", raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "\t"})
  void resolve_blankIsEmpty(String raw) {
    unresolved("ward_empty", raw);
  }

  @Test
  void resolve_nullIsEmpty() {
    unresolved("ward_empty", null);
  }

  @Test
  void resolve_everyCurrentNameResolvesToItsUnit() {
    for (Ward ward : WARDS.wards()) {
      String typed = switch (ward.unitType()) {
        case "phuong" -> "Phường ";
        case "xa" -> "Xã ";
        default -> "Đặc khu ";
      };
      resolvesTo(ward.code(), "name", typed + ward.name());
    }
  }

  @Test
  void legacyNames_keepTypeWordAndDistrictAsWorded() {
    var byName = WARDS.legacyNames().stream()
        .filter(l -> l.name().equals("xã Hùng Thắng"))
        .collect(Collectors.toMap(WardDirectory.LegacyName::oldDistrict, Function.identity()));
    assertEquals(java.util.List.of("11809"), byName.get("huyện Tiên Lãng").wardCodes());
    assertEquals(java.util.List.of("10945"), byName.get("huyện Bình Giang").wardCodes());
  }

  @Test
  void legacyNames_countsOfTheResolution() {
    // 374 names of pre-2025 units (same name in one district merged); 58 went to more than one new unit.
    assertEquals(374, WARDS.legacyNames().size());
    assertEquals(58, WARDS.legacyNames().stream().filter(WardDirectory.LegacyName::ambiguous).count());
  }

  @Test
  void legacyNames_resolveAsListedUnlessACurrentNameWins() {
    Map<String, Long> sameName = WARDS.legacyNames().stream()
        .collect(Collectors.groupingBy(WardDirectory.LegacyName::name, Collectors.counting()));
    for (WardDirectory.LegacyName legacy : WARDS.legacyNames()) {
      String raw = legacy.name() + (legacy.oldDistrict() == null ? "" : " (" + legacy.oldDistrict() + ")");
      WardResolution r = WARDS.resolve(raw);
      if (legacy.ambiguous()) {
        assertTrue("ward_ambiguous_legacy".equals(r.flag()) || "name".equals(r.method()), raw + " -> " + r);
      } else if (legacy.oldDistrict() != null || sameName.get(legacy.name()) == 1) {
        assertTrue(legacy.wardCodes().contains(r.wardCode()) || "name".equals(r.method()), raw + " -> " + r);
      } else {
        // e.g. "xã Lê Lợi": one in Chí Linh (no district written) and one in huyện Gia Lộc.
        assertTrue("ward_ambiguous_legacy".equals(r.flag()) || "name".equals(r.method()), raw + " -> " + r);
      }
    }
  }

  @Test
  void serialization_copyResolvesTheSame() throws Exception {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(WARDS);
    }
    try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      WardDirectory copy = (WardDirectory) in.readObject();
      assertEquals(WARDS.resolve("xã Hùng Thắng (Bình Giang)"), copy.resolve("xã Hùng Thắng (Bình Giang)"));
    }
  }

  @Test
  void resolution_resolvedHasNoFlag() {
    assertNull(WARDS.resolve(DO_SON).flag());
  }
}
