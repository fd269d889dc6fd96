package vn.haiphong.bdhvs.generate;

import java.text.Normalizer;
import java.util.Locale;

/** The spellings a Vietnamese string takes in real exports: NFD, the other tone-mark placement, no diacritics. */
final class Spellings {

  /** Old-style placement (tone on the first vowel of oa/oe/uy) ↔ new style (on the second). */
  private static final String[][] TONE_MOVES = {
      {"òa", "oà"}, {"óa", "oá"}, {"ỏa", "oả"}, {"õa", "oã"}, {"ọa", "oạ"}, {"òe", "oè"},
      {"óe", "oé"}, {"ủy", "uỷ"}, {"ùy", "uỳ"}, {"úy", "uý"}, {"ũy", "uỹ"}, {"ụy", "uỵ"}};

  private Spellings() {
  }

  static String nfd(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD);
  }

  /** True when the string has a syllable whose tone mark can sit on either vowel. */
  static boolean hasMovableTone(String s) {
    String lower = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    for (String[] move : TONE_MOVES) {
      if (lower.contains(move[0])) {
        return true;
      }
    }
    return false;
  }

  /** {@code Thủy} → {@code Thuỷ}, {@code Hòa} → {@code Hoà} (lower-case syllables only, as names are written). */
  static String moveToneMark(String s) {
    String out = Normalizer.normalize(s, Normalizer.Form.NFC);
    for (String[] move : TONE_MOVES) {
      out = out.replace(move[0], move[1]);
    }
    return out;
  }

  /** {@code Đồ Sơn} → {@code do son}. */
  static String plainLowerCase(String s) {
    String stripped = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return stripped.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }

  /** {@code Đồ Sơn} → {@code Do Son}: the header style of exports made on machines without a Vietnamese keyboard. */
  static String withoutDiacritics(String s) {
    String stripped = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    return stripped.replace('đ', 'd').replace('Đ', 'D');
  }
}
