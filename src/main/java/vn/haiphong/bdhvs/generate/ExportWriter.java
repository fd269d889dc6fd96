package vn.haiphong.bdhvs.generate;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The one CSV writer of all exports: headers from the data contract in the dialect's spelling,
 * column order, extra column, delimiter, BOM, RFC 4180 quoting and charset. Sources hand it values
 * in contract order and never deal with quirks of the file format themselves.
 */
final class ExportWriter {

  /** The unknown column some exports carry; the ingest ignores it. */
  static final String EXTRA_HEADER = "Ghi chú nội bộ";

  private final CsvDialect dialect;
  /** Contract positions in the physical order of the file. */
  private final int[] order;
  private final StringBuilder text = new StringBuilder(1 << 16);
  private int rows;

  ExportWriter(TableContract contract, CsvDialect dialect) {
    this.dialect = dialect;
    List<ColumnContract> columns = contract.columns();
    List<Integer> positions = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (!columns.get(i).name().equals(dialect.droppedColumn())) {
        positions.add(i);
      }
    }
    if (dialect.reordered()) {
      // Rotating by three moves the identifying first column away from the front.
      java.util.Collections.rotate(positions, 3);
    }
    order = positions.stream().mapToInt(Integer::intValue).toArray();
    List<String> header = new ArrayList<>();
    for (int p : order) {
      header.add(dialect.headerStyle().apply(columns.get(p).header()));
    }
    if (dialect.extraColumn()) {
      header.add(EXTRA_HEADER);
    }
    line(header);
  }

  /** A row given in contract column order. */
  void row(List<String> values) {
    List<String> fields = new ArrayList<>(order.length + 1);
    for (int p : order) {
      fields.add(values.get(p));
    }
    if (dialect.extraColumn()) {
      fields.add(rows % 7 == 0 ? "đã kiểm tra" : "");
    }
    line(fields);
    rows++;
  }

  /** A row with {@code delta} fields too many (positive) or too few (negative): wrong_field_count. */
  void rowWithWrongFieldCount(List<String> values, int delta) {
    List<String> fields = new ArrayList<>();
    for (int p : order) {
      fields.add(values.get(p));
    }
    if (dialect.extraColumn()) {
      fields.add("");
    }
    for (int i = 0; i < delta; i++) {
      fields.add("thừa " + i);
    }
    line(delta < 0 ? fields.subList(0, fields.size() + delta) : fields);
    rows++;
  }

  int rows() {
    return rows;
  }

  byte[] bytes() {
    String body = text.toString();
    if (dialect.charset().equals(StandardCharsets.UTF_8)) {
      byte[] utf8 = body.getBytes(StandardCharsets.UTF_8);
      if (!dialect.bom()) {
        return utf8;
      }
      byte[] withBom = new byte[utf8.length + 3];
      withBom[0] = (byte) 0xEF;
      withBom[1] = (byte) 0xBB;
      withBom[2] = (byte) 0xBF;
      System.arraycopy(utf8, 0, withBom, 3, utf8.length);
      return withBom;
    }
    try {
      // Legacy code pages: characters they cannot hold become '?', as old Windows tools do.
      ByteBuffer buf = dialect.charset().newEncoder()
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .encode(CharBuffer.wrap(java.text.Normalizer.normalize(body, java.text.Normalizer.Form.NFC)));
      byte[] out = new byte[buf.remaining()];
      buf.get(out);
      return out;
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void line(List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        text.append(dialect.delimiter());
      }
      appendField(fields.get(i));
    }
    text.append(dialect.lineEnd());
  }

  private void appendField(String value) {
    String v = value == null ? "" : value;
    // RFC 4180: quote only what needs it, as Excel does (a decimal comma in a ';' file stays bare).
    boolean quote = v.indexOf(dialect.delimiter()) >= 0 || v.indexOf('"') >= 0
        || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
    if (!quote) {
      text.append(v);
      return;
    }
    text.append('"').append(v.replace("\"", "\"\"")).append('"');
  }
}
