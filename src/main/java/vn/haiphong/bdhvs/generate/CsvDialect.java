package vn.haiphong.bdhvs.generate;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * The physical shape of one CSV export: what Excel, Moodle and government portals actually produce.
 *
 * @param reordered     columns in another order than the contract's (rotated by a few places)
 * @param extraColumn   an unknown column the ingest must ignore
 * @param droppedColumn a contract column left out (to produce file_missing_columns), or null
 */
record CsvDialect(
    char delimiter,
    boolean bom,
    HeaderStyle headerStyle,
    boolean reordered,
    boolean extraColumn,
    String lineEnd,
    Charset charset,
    String droppedColumn) {

  static final CsvDialect PLAIN =
      new CsvDialect(',', false, HeaderStyle.EXACT, false, false, "\n", StandardCharsets.UTF_8, null);

  /** A legacy code page; headers keep their diacritics so that the bytes are certainly not UTF-8. */
  CsvDialect withCharset(Charset other) {
    return new CsvDialect(delimiter, false, HeaderStyle.EXACT, reordered, extraColumn, lineEnd, other, droppedColumn);
  }

  CsvDialect withoutColumn(String column) {
    return new CsvDialect(delimiter, bom, headerStyle, reordered, extraColumn, lineEnd, charset, column);
  }
}
