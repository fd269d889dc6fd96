package vn.haiphong.bdhvs.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Numbers as Vietnamese reports write them: thousands with {@code .}, decimals with {@code ,}
 * ({@code 311.243}, {@code 233,41 Mbps}, {@code 85,3%}), at most two decimals, no trailing zeros.
 */
final class ReportNumbers {
  // One format per thread (a DecimalFormat is not thread-safe; the ward files are written in parallel):
  // making one for every number was about a tenth of the report's CPU in a profile of the test suite.
  private static final ThreadLocal<DecimalFormat> FORMAT = ThreadLocal.withInitial(() -> {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    return format;
  });

  private ReportNumbers() {}

  static String format(double value) {
    String text = FORMAT.get().format(value);
    return text.equals("-0") ? "0" : text;
  }

  /** A cube figure with its unit: {@code 85,3%}, {@code 311.243}, {@code 233,41 Mbps}, {@code 5,2}; a dash when null. */
  static String withUnit(Double value, String unit) {
    if (value == null) {
      return "—";
    }
    return switch (unit) {
      case "percent" -> format(value) + "%";
      case "mbps" -> format(value) + " Mbps";
      default -> format(value);
    };
  }
}
