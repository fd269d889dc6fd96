package vn.haiphong.bdhvs.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values as Vietnamese government systems and Excel in vi-VN write them (docs/specification.md §2): dates
 * {@code dd/MM/yyyy}, local timestamps, decimal commas and thousands dots. Every parser throws
 * {@link UnexpectedValue} with what was expected, so callers can reject or flag.
 */
public final class ExportValues {
  public static final ZoneId LOCAL_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

  // STRICT with 'uuuu' refuses 31/02/2025 instead of rolling it to 03/03.
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("d/M/uuuu H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("M/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern THOUSANDS_DOT = Pattern.compile("\\d{1,3}(\\.\\d{3})+");
  private static final Pattern PLAIN_INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+([.,]\\d+)?");
  private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");

  private ExportValues() {}

  /** {@code dd/MM/yyyy} (one-digit day and month accepted). */
  public static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim(), DATE);
    } catch (DateTimeParseException e) {
      throw new UnexpectedValue("a date dd/MM/yyyy", text);
    }
  }

  /** {@code dd/MM/yyyy HH:mm[:ss]} in local time (Asia/Ho_Chi_Minh). */
  public static LocalDateTime localTimestamp(String text) {
    try {
      return LocalDateTime.parse(text.trim().replaceAll("\\s+", " "), TIMESTAMP);
    } catch (DateTimeParseException e) {
      throw new UnexpectedValue("a time dd/MM/yyyy HH:mm[:ss]", text);
    }
  }

  /** ISO-8601 with an offset ({@code Z} or {@code +07:00}), as xAPI and the report form write it. */
  public static OffsetDateTime isoTimestamp(String text) {
    try {
      return OffsetDateTime.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new UnexpectedValue("an ISO-8601 time with offset like 2025-11-30T18:30:00Z", text);
    }
  }

  /** {@code MM/yyyy}, as operator files write the month. */
  public static YearMonth month(String text) {
    try {
      return YearMonth.parse(text.trim(), MONTH);
    } catch (DateTimeParseException e) {
      throw new UnexpectedValue("a month MM/yyyy", text);
    }
  }

  /** {@code yyyy-MM}, as the speed-test aggregates write the month. */
  public static YearMonth isoMonth(String text) {
    Matcher m = ISO_MONTH.matcher(text.trim());
    if (m.matches()) {
      try {
        return YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      } catch (DateTimeException e) {
        // fall through to the message below
      }
    }
    throw new UnexpectedValue("a month yyyy-MM", text);
  }

  /** A count: {@code 45344}, {@code 45.344} or {@code 45 344} (thousands separators). */
  public static long count(String text) {
    String t = text.trim().replace(" ", "").replace("\u00a0", "");
    if (THOUSANDS_DOT.matcher(t).matches()) {
      t = t.replace(".", "");
    } else if (t.matches("\\d{1,3}(,\\d{3})+")) {
      t = t.replace(",", "");
    }
    if (!PLAIN_INTEGER.matcher(t).matches()) {
      throw new UnexpectedValue("a whole number like 45344 or 45.344", text);
    }
    try {
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new UnexpectedValue("a whole number of at most 18 digits", text);
    }
  }

  /** A decimal with a comma or a dot: {@code 233,41}, {@code 233.41}. */
  public static double decimal(String text) {
    String t = text.trim().replace(" ", "");
    if (!DECIMAL.matcher(t).matches()) {
      throw new UnexpectedValue("a number like 233,41", text);
    }
    return finite(Double.parseDouble(t.replace(',', '.')), text);
  }

  /** A percentage 0–100: {@code 85}, {@code 85%}, {@code 85,5}. */
  public static double percent(String text) {
    String t = text.trim();
    if (t.endsWith("%")) {
      t = t.substring(0, t.length() - 1);
    }
    double value;
    try {
      value = decimal(t);
    } catch (IllegalArgumentException e) {
      throw new UnexpectedValue("a percentage like 85, 85% or 85,5", text);
    }
    if (value < 0 || value > 100) {
      throw new UnexpectedValue("a percentage between 0 and 100", text);
    }
    return value;
  }

  /**
   * {@code value} unless it is NaN or infinite (a number too large for a double reads as infinity):
   * no column can hold those, and one would turn every rate it enters into one.
   */
  public static double finite(double value, String text) {
    if (!Double.isFinite(value)) {
      throw new UnexpectedValue("a finite number", text);
    }
    return value;
  }
}
