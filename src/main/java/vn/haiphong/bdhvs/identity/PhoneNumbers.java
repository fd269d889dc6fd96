package vn.haiphong.bdhvs.identity;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Vietnamese phone numbers in one form, {@code +84} and the national number without its 0, so the
 * same person's {@code 0912 345 678}, {@code +84912345678} and {@code 912.345.678} agree (docs/specification.md §4).
 */
public final class PhoneNumbers {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-()\\u00A0]");
  private static final Pattern DIGITS = Pattern.compile("\\d+");
  private static final Pattern MOBILE = Pattern.compile("0[35789]\\d{8}");
  private static final Pattern LANDLINE = Pattern.compile("02\\d{9}");

  /** The 11-digit mobile prefixes retired in 2018 and the 10-digit prefixes that replaced them. */
  private static final Map<String, String> OLD_MOBILE_PREFIXES = Map.ofEntries(
      Map.entry("0162", "032"), Map.entry("0163", "033"), Map.entry("0164", "034"), Map.entry("0165", "035"),
      Map.entry("0166", "036"), Map.entry("0167", "037"), Map.entry("0168", "038"), Map.entry("0169", "039"),
      Map.entry("0120", "070"), Map.entry("0121", "079"), Map.entry("0122", "077"), Map.entry("0126", "076"),
      Map.entry("0128", "078"), Map.entry("0123", "083"), Map.entry("0124", "084"), Map.entry("0125", "085"),
      Map.entry("0127", "081"), Map.entry("0129", "082"), Map.entry("0186", "056"), Map.entry("0188", "058"),
      Map.entry("0199", "059"));

  private PhoneNumbers() {}

  /** {@code +84} and 9 digits for a mobile, 10 for a landline (kept as is); empty when it is not a phone number. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String digits = SEPARATORS.matcher(raw).replaceAll("");
    if (digits.startsWith("+")) {
      if (!digits.startsWith("+84")) {
        return Optional.empty();
      }
      digits = "0" + digits.substring(3);
    } else if (digits.startsWith("0084")) {
      digits = "0" + digits.substring(4);
    }
    if (digits.startsWith("00")) {
      digits = digits.substring(1); // "+84 (0)912…": the trunk 0 written after the country code
    }
    if (!DIGITS.matcher(digits).matches()) {
      return Optional.empty();
    }
    String national = national(digits);
    if (national.length() == 11 && OLD_MOBILE_PREFIXES.containsKey(national.substring(0, 4))) {
      national = OLD_MOBILE_PREFIXES.get(national.substring(0, 4)) + national.substring(4);
    }
    if (MOBILE.matcher(national).matches() || LANDLINE.matcher(national).matches()) {
      return Optional.of("+84" + national.substring(1));
    }
    return Optional.empty();
  }

  // The number as dialled inside Vietnam, with its leading 0.
  private static String national(String digits) {
    if (digits.startsWith("0")) {
      return digits;
    }
    if (digits.startsWith("84") && (digits.length() == 11 || digits.length() == 12)) {
      return "0" + digits.substring(2);
    }
    // Bare 9 digits, or an old 10-digit mobile / landline whose 0 Excel dropped.
    return "0" + digits;
  }
}
