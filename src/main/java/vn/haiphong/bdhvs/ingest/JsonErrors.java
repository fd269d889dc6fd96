package vn.haiphong.bdhvs.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors quote the token they stopped at ({@code Unrecognized token 'Nguyễn'}), a
 * number they could not hold, and in nested locations the record's source text; in a delivery all
 * of these may be personal data. Rejects must never carry them (docs/specification.md §4), so a message keeps only
 * the kind of error and where it is. A duplicate key is named: key names are the format's, not a
 * person's.
 */
public final class JsonErrors {
  private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([A-Za-z0-9_.:/#-]{1,64})'");
  private static final Pattern NESTED_LOCATION = Pattern.compile("\\s*\\(?\\s*(start marker at|at)?\\s*\\[Source:.*",
      Pattern.DOTALL);
  private static final Pattern QUOTED = Pattern.compile("'[^'\\n]*'|\"[^\"\\n]*\"");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\d{6,}");
  private static final int MAX_KIND = 200;

  private JsonErrors() {}

  /** Where (line unless 1, column, byte offset) and the kind of error, e.g. {@code column 41 (byte 40): Unexpected end-of-input: …}. */
  public static String describe(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    if (at == null) {
      return kind(e);
    }
    return (at.getLineNr() > 1 ? "line " + at.getLineNr() + ", " : "") + "column " + at.getColumnNr()
        + (at.getCharOffset() >= 0 ? " (character " + at.getCharOffset() + ")" : "") + ": " + kind(e);
  }

  private static String kind(JsonProcessingException e) {
    String m = e.getOriginalMessage();
    if (m == null) {
      return "unreadable JSON";
    }
    Matcher duplicate = DUPLICATE.matcher(m);
    if (duplicate.lookingAt()) {
      return "duplicate key '" + duplicate.group(1) + "'; expected each key once";
    }
    String kind = LONG_NUMBER.matcher(QUOTED.matcher(NESTED_LOCATION.matcher(m).replaceFirst(""))
        .replaceAll("'…'")).replaceAll("…").strip();
    return kind.length() > MAX_KIND ? kind.substring(0, MAX_KIND) + "…" : kind;
  }
}
