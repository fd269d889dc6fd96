package vn.haiphong.bdhvs.reference;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One clause of a unit's predecessors as Nghị quyết 1669/NQ-UBTVQH15 words it, e.g.
 * {@code một phần xã Quang Trung (thành phố Thủy Nguyên)}.
 */
record Predecessor(UnitType type, String name, String district, Share share) {

  /** How much of the old unit went into the new one. */
  enum Share {
    /** "phường X": the whole old unit. */
    WHOLE,
    /** "một phần phường X": part of its area and people. */
    PART,
    /** "một phần diện tích phường X": land only; its people went elsewhere. */
    AREA_ONLY,
    /** "phần còn lại phường X": what was left after an earlier clause. */
    REST;

    boolean carriesPeople() {
      return this != AREA_ONLY;
    }
  }

  private static final Pattern CLAUSE = Pattern.compile(
      "(một phần diện tích |một phần |phần còn lại )?(phường|xã|thị trấn|huyện) (.+?)(?: \\((.+)\\))?");

  static Predecessor parse(String clause, String wardCode) {
    Matcher m = CLAUSE.matcher(clause.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("wards.csv, ward " + wardCode
          + ": expected a predecessor like 'một phần xã X (huyện Y)', found '" + clause + "'");
    }
    Share share = switch (Optional.ofNullable(m.group(1)).orElse("")) {
      case "một phần diện tích " -> Share.AREA_ONLY;
      case "một phần " -> Share.PART;
      case "phần còn lại " -> Share.REST;
      default -> Share.WHOLE;
    };
    UnitType type = UnitType.ofWord(m.group(2)).orElseThrow();
    return new Predecessor(type, m.group(3), m.group(4), share);
  }
}
