package vn.haiphong.bdhvs.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * Typed access to one record's fields, applying docs/specification.md §2: a missing identifying field or an
 * unreadable required date rejects the record; any other unreadable value becomes null with a
 * {@code bad_value:<column>} quality flag. Every date is checked against its {@link DateWindow}.
 *
 * <p>Messages name the column's header and what was expected. They quote the value found only when
 * the record's contract has no personal column: in a record that has one, a shifted or swapped
 * column can put a phone number or a name under any header, so only the value's shape is shown.
 */
public final class RecordFields {
  private static final int SHAPE_LENGTH = 40;

  private final TableContract contract;
  private final Function<String, String> values;
  private final boolean holdsPersonalData;
  private final List<String> flags = new ArrayList<>();

  public RecordFields(TableContract contract, Function<String, String> values) {
    this.contract = contract;
    this.values = values;
    this.holdsPersonalData = contract.columns().stream().anyMatch(ColumnContract::pii);
  }

  /** The trimmed text, or null when empty. */
  public String text(String column) {
    String v = values.apply(column);
    return v == null || v.isBlank() ? null : v.trim();
  }

  public String required(String column) throws RecordRejected {
    String v = text(column);
    if (v == null) {
      ColumnContract c = column(column);
      throw new RecordRejected(RejectReason.MISSING_REQUIRED,
          "column '" + c.header() + "' is empty; expected " + c.description());
    }
    return v;
  }

  public LocalDate requiredDate(String column) throws RecordRejected {
    return required(column, dated(column, ExportValues::date, d -> d), RejectReason.BAD_DATE);
  }

  public LocalDateTime requiredLocalTimestamp(String column) throws RecordRejected {
    return required(column, dated(column, ExportValues::localTimestamp, LocalDateTime::toLocalDate),
        RejectReason.BAD_DATE);
  }

  /** An ISO-8601 instant; its window is checked on its day in Hải Phòng. */
  public OffsetDateTime requiredIsoTimestamp(String column) throws RecordRejected {
    return required(column, dated(column, ExportValues::isoTimestamp,
        t -> t.atZoneSameInstant(ExportValues.LOCAL_ZONE).toLocalDate()), RejectReason.BAD_DATE);
  }

  public YearMonth requiredMonth(String column, Function<String, YearMonth> parser)
      throws RecordRejected {
    return required(column, dated(column, parser, m -> m.atDay(1)), RejectReason.BAD_DATE);
  }

  /** Rejects the record when {@code day}, read from {@code column}, is outside the column's window. */
  public void requirePlausible(String column, LocalDate day) throws RecordRejected {
    DateWindow window = DateWindow.of(column(column));
    if (!window.contains(day)) {
      throw new RecordRejected(RejectReason.BAD_DATE, "column '" + column(column).header() + "': expected "
          + window.expected() + ", found " + shown(text(column)));
    }
  }

  /** Parses a required value; a value that does not parse rejects the record with {@code reason}. */
  public <T> T required(String column, Function<String, T> parser, RejectReason reason)
      throws RecordRejected {
    String v = required(column);
    try {
      return parser.apply(v);
    } catch (IllegalArgumentException e) {
      throw new RecordRejected(reason, "column '" + column(column).header() + "': " + describe(e));
    }
  }

  /** Parses an optional value; empty gives null, unreadable gives null and a flag. */
  public <T> T optional(String column, Function<String, T> parser) {
    String v = text(column);
    if (v == null) {
      return null;
    }
    try {
      return parser.apply(v);
    } catch (IllegalArgumentException e) {
      flag(QualityFlag.BAD_VALUE.code() + ":" + column);
      return null;
    }
  }

  public LocalDate optionalDate(String column) {
    return optional(column, dated(column, ExportValues::date, d -> d));
  }

  /** A year, as a birth year is written; outside the column's window it is unreadable. */
  public Integer optionalYear(String column) {
    return optional(column, dated(column, v -> toInt(ExportValues.count(v), v), y -> LocalDate.of(y, 1, 1)));
  }

  public Long optionalCount(String column) {
    return optional(column, ExportValues::count);
  }

  /** A count stored as an int: beyond the int range it is unreadable, not a crash. */
  public Integer optionalInt(String column) {
    return optional(column, v -> toInt(ExportValues.count(v), v));
  }

  public Double optionalDecimal(String column) {
    return optional(column, ExportValues::decimal);
  }

  public Double optionalPercent(String column) {
    return optional(column, ExportValues::percent);
  }

  public void flag(String code) {
    if (code != null && !flags.contains(code)) {
      flags.add(code);
    }
  }

  /** The quality flags raised so far, for the {@code quality_flags} column (a Spark array). */
  public String[] flags() {
    return flags.toArray(String[]::new);
  }

  /**
   * How a message shows a value found in this record: quoted when the record holds no personal
   * data, else only its shape (digits as 9, letters as a or A: {@code '9999 999 999'}).
   */
  public String shown(String value) {
    if (!holdsPersonalData) {
      return "'" + value + "'";
    }
    StringBuilder shape = new StringBuilder();
    value.codePoints().limit(SHAPE_LENGTH).forEach(c -> shape.appendCodePoint(
        Character.isDigit(c) ? '9' : Character.isUpperCase(c) ? 'A' : Character.isLetter(c) ? 'a' : c));
    return "a value shaped '" + shape + (value.codePointCount(0, value.length()) > SHAPE_LENGTH ? "…" : "")
        + "' (not quoted: the record holds personal data)";
  }

  private String describe(IllegalArgumentException e) {
    if (e instanceof UnexpectedValue u) {
      return "expected " + u.expected() + ", found " + shown(u.found());
    }
    // A parser's own wording may quote the value: only a record without personal data shows it.
    return holdsPersonalData ? "unreadable value (not quoted: the record holds personal data)" : e.getMessage();
  }

  /** {@code parser}, then the column's date window on the day {@code day} gives of the value. */
  private <T> Function<String, T> dated(String column, Function<String, T> parser, Function<T, LocalDate> day) {
    DateWindow window = DateWindow.of(column(column));
    return v -> {
      T value = parser.apply(v);
      if (!window.contains(day.apply(value))) {
        throw new UnexpectedValue(window.expected(), v);
      }
      return value;
    };
  }

  private static int toInt(long value, String text) {
    if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
      throw new UnexpectedValue("a whole number of at most 9 digits", text);
    }
    return (int) value;
  }

  private ColumnContract column(String name) {
    return contract.column(name).orElseThrow(() ->
        new IllegalStateException(contract.table() + " has no column " + name));
  }
}
