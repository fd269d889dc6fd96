package vn.haiphong.bdhvs.reference;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A free-text ward field split into its parts: {@code "Xã Hùng Thắng, huyện Tiên Lãng"},
 * {@code "xã Hùng Thắng (Tiên Lãng)"} and {@code "Hùng Thắng - Tiên Lãng"} all give type xã, name
 * Hùng Thắng, district Tiên Lãng. {@code type} and {@code district} are null when not written.
 */
record WardField(UnitType type, String name, String district) {

  private static final Pattern PARENTHESIS = Pattern.compile("(.*?)\\s*\\((.*)\\)\\s*");
  private static final Pattern SEPARATOR = Pattern.compile("\\s*[,\\-–]\\s*");
  private static final Pattern DISTRICT_TYPE =
      Pattern.compile("^(huyen|quan|thi xa|thanh pho|tp\\.?|tx\\.?|q\\.|h\\.)\\s*");

  static WardField parse(String raw) {
    String text = raw.strip();
    String district = null;
    var parenthesis = PARENTHESIS.matcher(text);
    if (parenthesis.matches()) {
      text = parenthesis.group(1);
      district = parenthesis.group(2);
    }
    List<String> parts = new ArrayList<>(Arrays.asList(SEPARATOR.split(text)));
    parts.removeIf(part -> part.isBlank() || namesProvince(part));
    if (parts.isEmpty()) {
      return new WardField(null, "", district);
    }
    if (district == null && parts.size() > 1) {
      district = parts.get(1);
    }
    // "P.Đồ Sơn": the abbreviation's dot also separates it from the name.
    List<String> words = Arrays.asList(parts.get(0).replace(".", ". ").trim().split("\\s+"));
    var prefix = UnitType.leading(words);
    UnitType type = prefix.map(UnitType.Prefix::type).orElse(null);
    String name = String.join(" ", words.subList(prefix.map(UnitType.Prefix::words).orElse(0), words.size()));
    return new WardField(type, name, district);
  }

  /** The old district's name without its type word, folded, or null. */
  String districtKey() {
    return district == null ? null : districtKey(district);
  }

  static String districtKey(String district) {
    return DISTRICT_TYPE.matcher(VietText.fold(district)).replaceFirst("");
  }

  private static boolean namesProvince(String part) {
    String key = VietText.fold(part);
    return key.startsWith("tinh ") || districtKey(part).equals("hai phong") || key.equals("viet nam");
  }
}
