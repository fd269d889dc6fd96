package vn.haiphong.bdhvs.reference;

import java.util.ArrayList;
import java.util.List;

/** Splits RFC 4180 text (comma, double-quote quoting, CRLF or LF) into records that remember their line. */
final class CsvRecords {

  private CsvRecords() {}

  static List<ReferenceTable.Record> split(String file, String text) {
    List<ReferenceTable.Record> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int line = 1;
    int recordLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          if (c == '\n') {
            line++;
          }
          field.append(c);
        }
      } else if (c == '"') {
        if (field.length() > 0 || wasQuoted) {
          throw new IllegalArgumentException(file + " line " + line + ": expected a quote only at the start of a field");
        }
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        fields.add(field.toString());
        records.add(new ReferenceTable.Record(recordLine, List.copyOf(fields)));
        fields.clear();
        field.setLength(0);
        wasQuoted = false;
        line++;
        recordLine = line;
      } else {
        if (wasQuoted) {
          throw new IllegalArgumentException(file + " line " + line + ": expected ',' or end of line after a closing quote");
        }
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(file + " line " + recordLine + ": expected a closing quote before the end of the file");
    }
    if (field.length() > 0 || !fields.isEmpty() || wasQuoted) {
      fields.add(field.toString());
      records.add(new ReferenceTable.Record(recordLine, List.copyOf(fields)));
    }
    return records;
  }
}
