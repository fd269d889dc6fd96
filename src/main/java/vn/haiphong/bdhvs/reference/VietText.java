package vn.haiphong.bdhvs.reference;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Comparison keys for Vietnamese text typed by people and exported by Excel: NFC or NFD, any case,
 * tone marks on either vowel ({@code Thủy} = {@code Thuỷ}), with or without diacritics.
 */
public final class VietText {

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern COMBINING = Pattern.compile("\\p{M}+");
  // The five tone marks; the other marks (circumflex, breve, horn) change the vowel itself.
  private static final String TONES = "\u0300\u0301\u0303\u0309\u0323";

  private VietText() {}

  /** Case-, diacritic- and spacing-insensitive key: {@code "  THUỶ  Nguyên"} → {@code "thuy nguyen"}. */
  public static String fold(String text) {
    if (text == null) {
      return "";
    }
    if (isPlainAscii(text)) {
      // Most keys (codes, English headers) need no normalizing: a CSV header of millions of such
      // names is folded in a few seconds instead of minutes.
      return text.toLowerCase(Locale.ROOT);
    }
    String nfd = Normalizer.normalize(Normalizer.normalize(text, Normalizer.Form.NFC), Normalizer.Form.NFD);
    String bare = COMBINING.matcher(nfd).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    return collapse(bare.toLowerCase(Locale.ROOT));
  }

  /**
   * Key that keeps diacritics but not where the tone mark sits: each word's tone mark moves to the
   * word's end, so {@code Hòa} and {@code Hoà} agree while {@code Giang} and {@code Giàng} do not.
   */
  static String toneKey(String text) {
    if (text == null) {
      return "";
    }
    String nfd = Normalizer.normalize(collapse(text.toLowerCase(Locale.ROOT)), Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(nfd.length());
    StringBuilder tones = new StringBuilder(2);
    for (int i = 0; i < nfd.length(); i++) {
      char c = nfd.charAt(i);
      if (TONES.indexOf(c) >= 0) {
        tones.append(c);
      } else if (c == ' ') {
        out.append(tones).append(c);
        tones.setLength(0);
      } else {
        out.append(c);
      }
    }
    return out.append(tones).toString();
  }

  /** True when the text carries no diacritics at all (typed on a keyboard without Vietnamese input). */
  static boolean isBare(String text) {
    return fold(text).equals(collapse(text.toLowerCase(Locale.ROOT)));
  }

  /** Printable ASCII, no leading, trailing or doubled space: what {@link #fold} would only lower-case. */
  private static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '!' && !(c == ' ' && i > 0 && i < text.length() - 1 && text.charAt(i - 1) != ' ') || c > '~') {
        return false;
      }
    }
    return true;
  }

  private static String collapse(String text) {
    return SPACES.matcher(text).replaceAll(" ").trim();
  }
}
