package vn.haiphong.bdhvs.identity;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The old 9-digit identity card (chứng minh nhân dân). Its number says nothing of the CCCD that replaced it:
 * the two are linked only where one record carries both (docs/specification.md §4).
 */
public final class Cmnd {

  private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\u00A0]");
  private static final Pattern NINE = Pattern.compile("\\d{9}");

  private Cmnd() {}

  /** The 9 digits, or empty when it is not a CMND number. */
  public static Optional<String> normalize(String raw) {
    if (raw == null) {
      return Optional.empty();
    }
    String digits = SEPARATORS.matcher(raw).replaceAll("");
    return NINE.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
  }
}
