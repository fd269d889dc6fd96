package vn.haiphong.bdhvs.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/** Citizen identity card numbers (Căn cước công dân): 12 digits. */
public final class Cccd {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\u00A0]");
  private static final Pattern TWELVE = Pattern.compile("\\d{12}");
  private static final Pattern ELEVEN = Pattern.compile("\\d{11}");

  private Cccd() {}

  /** The 12 digits; a number that Excel stored as numeric and so lost its leading 0 gets it back. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String digits = SEPARATORS.matcher(raw).replaceAll("");
    if (TWELVE.matcher(digits).matches()) {
      return Optional.of(digits);
    }
    return ELEVEN.matcher(digits).matches() ? Optional.of("0" + digits) : Optional.empty();
  }
}
