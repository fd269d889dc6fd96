package vn.haiphong.bdhvs.generate;

import java.util.Locale;

/** How an export spells the contract's Vietnamese headers; the ingest must match them all. */
enum HeaderStyle {
  EXACT,
  UPPER_CASE,
  LOWER_CASE,
  WITHOUT_DIACRITICS,
  SURROUNDING_SPACES;

  String apply(String header) {
    return switch (this) {
      case EXACT -> header;
      case UPPER_CASE -> header.toUpperCase(Locale.ROOT);
      case LOWER_CASE -> header.toLowerCase(Locale.ROOT);
      case WITHOUT_DIACRITICS -> Spellings.withoutDiacritics(header);
      case SURROUNDING_SPACES -> "  " + header + " ";
    };
  }
}
