package vn.haiphong.bdhvs.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A coordinate or length in the pages' SVG: tenths of a pixel, a dot, what
 * {@code String.format(Locale.ROOT, "%.1f", v)} writes, at a fraction of its cost; the maps and
 * charts of the 2 × 128 ward and department pages write some hundred thousand of them a night.
 */
final class SvgNumber {
  private SvgNumber() {}

  static String tenths(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
