package vn.haiphong.bdhvs.generate;

/** Number spellings of vi-VN Excel exports. */
final class Numbers {

  private Numbers() {
  }

  /** {@code 45344} → {@code 45.344}. */
  static String thousandsDots(long n) {
    String plain = Long.toString(n);
    StringBuilder b = new StringBuilder();
    int lead = plain.length() % 3 == 0 ? 3 : plain.length() % 3;
    b.append(plain, 0, lead);
    for (int i = lead; i < plain.length(); i += 3) {
      b.append('.').append(plain, i, i + 3);
    }
    return b.toString();
  }
}
