package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.Ward;

/**
 * Whom a report is about: the whole city, one ward (its own figures and the units placed in it) or
 * one reporting unit (a city department). Each has its file under {@code reports/}: the city's
 * {@code <YYYY-MM>.html} as ever, the others in the month's folder beside the index of them all.
 */
record ReportScope(Kind kind, String code, String name) {
  enum Kind { CITY, WARD, UNIT }

  /** The month's folder of ward and unit reports, and its index page. */
  static String folder(YearMonth month) {
    return month.toString();
  }

  static String indexPage(YearMonth month) {
    return folder(month) + "/index.html";
  }

  static ReportScope city() {
    return new ReportScope(Kind.CITY, DimensionMember.ALL, "Toàn thành phố");
  }

  static ReportScope ward(Ward ward) {
    return new ReportScope(Kind.WARD, ward.code(), ward.name());
  }

  static ReportScope unit(ReportingUnit unit) {
    return new ReportScope(Kind.UNIT, unit.code(), unit.name());
  }

  /** Its page's path under {@code reports/}. */
  String page(YearMonth month) {
    return file(month, "html");
  }

  /** Its page's path with another extension under {@code reports/}: its workbook, its document, its PDF beside it. */
  String file(YearMonth month, String extension) {
    return switch (kind) {
      case CITY -> month + "." + extension;
      case WARD -> folder(month) + "/xa-phuong/" + code + "." + extension;
      case UNIT -> folder(month) + "/don-vi/" + code + "." + extension;
    };
  }

  /** Whether the unit's reports are this scope's: the city has every unit, a ward the units placed in it, a unit itself. */
  boolean covers(ReportingUnit unit) {
    return switch (kind) {
      case CITY -> true;
      case WARD -> code.equals(unit.wardCode());
      case UNIT -> code.equalsIgnoreCase(unit.code());
    };
  }
}
