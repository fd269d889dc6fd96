package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SvgNumberTest {
  /** What String.format writes, halves included (1.45, 0.05, 2.25), over the range of a page's coordinates. */
  @Test
  void tenths_areWhatFormatWrites() {
    Random random = new Random(7);
    double[] edges = {0, 0.05, 0.15, 1.45, 2.25, 2.35, 99.95, 123.449999, -1.45, -0.5, 1e-9, 1234.5};
    for (double v : edges) {
      assertEquals(String.format(Locale.ROOT, "%.1f", v), SvgNumber.tenths(v), Double.toString(v));
    }
    for (int i = 0; i < 100_000; i++) {
      double v = random.nextInt(4) == 0 ? Math.round(random.nextDouble() * 20000) / 20.0 : (random.nextDouble() - 0.1) * 2000;
      String expected = String.format(Locale.ROOT, "%.1f", v);
      assertEquals(expected.equals("-0.0") ? "0.0" : expected, SvgNumber.tenths(v), Double.toString(v));
    }
  }
}
