package vn.haiphong.bdhvs.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * Typed access to one record's fields, applying docs/specification.md §2: a missing identifying field or an
 * unreadable required date rejects the record; any other unreadable value becomes null with a
 * {@code bad_value:<column>} quality flag. Messages name the column's header and what was
 * expected, and never repeat the value of a personal-data column.
 */
public final class RecordFields {
  private final TableContract contract;
  private final Function<String, String> values;
  private final List<String> flags = new ArrayList<>();

  public RecordFields(TableContract contract, Function<String, String> values) {
    this.contract = contract;
    this.values = values;
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
    return required(column, VietFormats::date, RejectReason.BAD_DATE);
  }

  public LocalDateTime requiredLocalTimestamp(String column) throws RecordRejected {
    return required(column, VietFormats::localTimestamp, RejectReason.BAD_DATE);
  }

  /** Parses a required value; a value that does not parse rejects the record with {@code reason}. */
  public <T> T required(String column, Function<String, T> parser, RejectReason reason)
      throws RecordRejected {
    String v = required(column);
    try {
      return parser.apply(v);
    } catch (IllegalArgumentException e) {
      throw new RecordRejected(reason, "column '" + column(column).header() + "': " + safe(column, e));
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
    return optional(column, VietFormats::date);
  }

  public Long optionalCount(String column) {
    return optional(column, VietFormats::count);
  }

  public Double optionalDecimal(String column) {
    return optional(column, VietFormats::decimal);
  }

  public Double optionalPercent(String column) {
    return optional(column, VietFormats::percent);
  }

  public YearMonth requiredMonth(String column, Function<String, YearMonth> parser)
      throws RecordRejected {
    return required(column, parser, RejectReason.BAD_DATE);
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

  private ColumnContract column(String name) {
    return contract.column(name).orElseThrow(() ->
        new IllegalStateException(contract.table() + " has no column " + name));
  }

  private String safe(String column, IllegalArgumentException e) {
    if (column(column).pii()) {
      String m = e.getMessage();
      int found = m.indexOf(", found");
      return (found > 0 ? m.substring(0, found) : "unreadable value") + " (value not shown: personal data)";
    }
    return e.getMessage();
  }
}
