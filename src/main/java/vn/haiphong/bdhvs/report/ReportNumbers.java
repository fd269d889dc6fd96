package vn.haiphong.bdhvs.report;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;

/**
 * Numbers as Vietnamese reports write them: thousands with {@code .}, decimals with {@code ,}
 * ({@code 311.243}, {@code 233,41 Mbps}, {@code 85,3%}), at most two decimals, no trailing zeros.
 */
final class ReportNumbers {
  private ReportNumbers() {}

  static String format(double value) {
    DecimalFormatSymbols symbols = new DecimalFormatSymbols();
    symbols.setGroupingSeparator('.');
    symbols.setDecimalSeparator(',');
    symbols.setMinusSign('-');
    DecimalFormat format = new DecimalFormat("#,##0.##", symbols);
    format.setRoundingMode(RoundingMode.HALF_UP);
    String text = format.format(value);
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
