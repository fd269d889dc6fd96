package vn.haiphong.bdhvs.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors quote the token they stopped at ({@code Unrecognized token 'Nguyễn'}) or
 * a number they could not hold; in a delivery that token may be personal data, e.g. an unquoted
 * name or CCCD. Rejects must never carry it (docs/specification.md §4), so messages keep only Jackson's wording.
 */
public final class JsonErrors {
  private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6,}");

  private JsonErrors() {}

  /** Jackson's message without the quoted token or long numbers, and without the source location. */
  public static String describe(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "unreadable JSON";
    }
    return LONG_NUMBER.matcher(QUOTED.matcher(m).replaceAll("'…'")).replaceAll("…");
  }
}
