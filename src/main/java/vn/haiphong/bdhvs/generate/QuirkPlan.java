package vn.haiphong.bdhvs.generate;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Chooses the dialect of each CSV file and tallies every quirk written. The choice rotates with the
 * file's rank (periods 2, 3, 4 and 5 are pairwise different), so any run of a few files already
 * holds every combination part, deterministically and without a random draw.
 */
final class QuirkPlan {

  private final ExpectedLedger ledger;
  private int csvFiles;

  QuirkPlan(ExpectedLedger ledger) {
    this.ledger = ledger;
  }

  CsvDialect nextDialect() {
    int i = csvFiles++;
    CsvDialect dialect = new CsvDialect(
        (i / 2) % 2 == 0 ? ',' : ';',
        i % 2 == 1,
        HeaderStyle.values()[i % HeaderStyle.values().length],
        i % 3 == 1,
        i % 4 == 2,
        i % 3 == 0 ? "\r\n" : "\n",
        StandardCharsets.UTF_8,
        null);
    return dialect;
  }

  /** Records the file-level quirks of a dialect once the file is written. */
  void tally(CsvDialect d) {
    ledger.quirk("csv_files");
    ledger.quirk(d.bom() ? "csv_bom" : "csv_no_bom");
    ledger.quirk(d.delimiter() == ';' ? "csv_delimiter_semicolon" : "csv_delimiter_comma");
    ledger.quirk("csv_header_" + d.headerStyle().name().toLowerCase(Locale.ROOT));
    ledger.quirk(d.reordered() ? "csv_columns_reordered" : "csv_columns_in_contract_order");
    ledger.quirk("csv_extra_column", d.extraColumn() ? 1 : 0);
    ledger.quirk(d.lineEnd().equals("\r\n") ? "csv_crlf" : "csv_lf");
  }

  /** A person's name as typed: mostly NFC, sometimes NFD or with the other tone-mark placement. */
  String spelling(String name, java.util.SplittableRandom random) {
    int x = random.nextInt(40);
    if (x == 0) {
      ledger.quirk("text_nfd");
      return Spellings.nfd(name);
    }
    if (x == 1 && Spellings.hasMovableTone(name)) {
      ledger.quirk("text_tone_mark_moved");
      return Spellings.moveToneMark(name);
    }
    return name;
  }

  void quirk(String name) {
    ledger.quirk(name);
  }

  void quirk(String name, long n) {
    ledger.quirk(name, n);
  }
}
