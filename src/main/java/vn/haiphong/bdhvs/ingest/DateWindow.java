package vn.haiphong.bdhvs.ingest;

import java.time.LocalDate;
import vn.haiphong.bdhvs.contract.ColumnContract;

/**
 * The dates a record can plausibly carry. Outside them a date is a placeholder or a typo
 * (01/01/1900, 0001-12, 9999-12-31) that would skew the cubes by month, and Spark can store
 * neither a date before 1582 (it fails the whole job) nor a year past 9999. Every date, time and
 * month an ingest parser reads is checked here, by {@link RecordFields}.
 */
public enum DateWindow {
  /** Activity, deliveries and reporting periods: the movement and its systems are of this century. */
  ACTIVITY(2000, 2100),
  /** Birth dates and years (input column types {@code birth_date}, {@code birth_year}). */
  BIRTH(1900, 2100);

  private final int firstYear;
  private final int lastYear;

  DateWindow(int firstYear, int lastYear) {
    this.firstYear = firstYear;
    this.lastYear = lastYear;
  }

  /** The window of an input column, by its contract type. */
  public static DateWindow of(ColumnContract column) {
    return column.type().startsWith("birth_") ? BIRTH : ACTIVITY;
  }

  public boolean contains(LocalDate day) {
    return day.getYear() >= firstYear && day.getYear() <= lastYear;
  }

  /** Says what was expected, for a reject detail or a flag. */
  public String expected() {
    return "a date from " + firstYear + " to " + lastYear;
  }
}
