package vn.haiphong.bdhvs.ingest;

import java.util.List;
import java.util.Map;
import vn.haiphong.bdhvs.codes.RejectReason;

/** One data row of a {@link CsvExport}, its fields addressed by the contract's column names. */
public final class CsvRecord {
  private final long line;
  private final List<String> fields;
  private final int headerWidth;
  private final Map<String, Integer> columnIndex;
  private final boolean unterminated;

  CsvRecord(long line, List<String> fields, int headerWidth, Map<String, Integer> columnIndex,
      boolean unterminated) {
    this.line = line;
    this.fields = fields;
    this.headerWidth = headerWidth;
    this.columnIndex = columnIndex;
    this.unterminated = unterminated;
  }

  /** The physical line the record starts on (the header is line 1). */
  public long line() {
    return line;
  }

  /** Rejects rows that don't have the header's shape: a truncated file, a stray delimiter, an oversized field. */
  public void checkShape() throws RecordRejected {
    if (unterminated) {
      throw new RecordRejected(RejectReason.WRONG_FIELD_COUNT,
          "a quoted field opened on this line is never closed (a stray quote or a truncated file); "
              + "expected a closing '\"'");
    }
    if (fields.size() != headerWidth) {
      throw new RecordRejected(RejectReason.WRONG_FIELD_COUNT, "expected " + headerWidth
          + " fields as in the header, found " + fields.size());
    }
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).length() > CsvExport.MAX_FIELD_LENGTH) {
        throw new RecordRejected(RejectReason.FIELD_TOO_LONG, "field " + (i + 1) + " has "
            + fields.get(i).length() + " characters; expected at most " + CsvExport.MAX_FIELD_LENGTH);
      }
    }
  }

  /** The trimmed value of a column, "" when the column is absent or the cell empty. */
  public String get(String column) {
    Integer i = columnIndex.get(column);
    if (i == null || i >= fields.size()) {
      return "";
    }
    return fields.get(i).trim();
  }

  public boolean isBlank(String column) {
    return get(column).isEmpty();
  }
}
