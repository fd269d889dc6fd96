package vn.haiphong.bdhvs.reference;

import java.util.List;
import java.util.Optional;

/**
 * Type words of commune-level units, current and pre-2025, with the abbreviations found in
 * exports ({@code P.}, {@code X.}, {@code ĐK}, {@code TT.}).
 */
enum UnitType {
  PHUONG("phuong", "phường", List.of("p.", "p")),
  XA("xa", "xã", List.of("x.", "x")),
  DAC_KHU("dac_khu", "đặc khu", List.of("dk", "dk.")),
  THI_TRAN(null, "thị trấn", List.of("tt", "tt.")),
  HUYEN(null, "huyện", List.of("h."));

  /** The code used in wards.csv; null for types that no longer exist at commune level. */
  final String code;
  final String word;
  private final List<String> abbreviations;

  UnitType(String code, String word, List<String> abbreviations) {
    this.code = code;
    this.word = word;
    this.abbreviations = abbreviations;
  }

  static UnitType ofCode(String code) {
    for (UnitType type : values()) {
      if (code.equals(type.code)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown unit type " + code);
  }

  static Optional<UnitType> ofWord(String word) {
    for (UnitType type : values()) {
      if (VietText.toneKey(word).equals(VietText.toneKey(type.word))) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type word leading {@code words} and how many words it takes, if any. */
  static Optional<Prefix> leading(List<String> words) {
    for (UnitType type : values()) {
      String[] typeWords = type.word.split(" ");
      if (words.size() > typeWords.length && spells(words.subList(0, typeWords.length), typeWords)) {
        return Optional.of(new Prefix(type, typeWords.length));
      }
      if (words.size() > 1 && type.abbreviations.contains(VietText.fold(words.get(0)))) {
        return Optional.of(new Prefix(type, 1));
      }
    }
    return Optional.empty();
  }

  // "Phuong" typed without diacritics is the type word; "Phương" with them is a name.
  private static boolean spells(List<String> words, String[] typeWords) {
    for (int i = 0; i < typeWords.length; i++) {
      String w = words.get(i);
      boolean same = VietText.isBare(w)
          ? VietText.fold(w).equals(VietText.fold(typeWords[i]))
          : VietText.toneKey(w).equals(VietText.toneKey(typeWords[i]));
      if (!same) {
        return false;
      }
    }
    return true;
  }

  record Prefix(UnitType type, int words) {}
}
