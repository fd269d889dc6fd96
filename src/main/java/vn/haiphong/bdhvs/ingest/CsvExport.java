package vn.haiphong.bdhvs.ingest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.VietText;

/**
 * One CSV export as the city's systems write it (docs/specification.md §2): UTF-8 with or without a BOM, {@code ,}
 * or {@code ;}, RFC 4180 quoting, Vietnamese headers in any order, case and diacritics. Opening
 * checks the whole file; {@link #records()} then yields the data rows with their line numbers.
 */
public final class CsvExport {
  /** No real value in these exports comes close; longer means a broken export or an attack. */
  public static final int MAX_FIELD_LENGTH = 4096;

  private final String text;
  private final char delimiter;
  private final int headerWidth;
  private final int bodyStart;
  private final long bodyStartLine;
  private final Map<String, Integer> columnIndex;
  private final List<String> missingOptional;
  private final List<String> extraHeaders;
  private final List<String> repeatedHeaders;

  private CsvExport(String text, char delimiter, int headerWidth, int bodyStart, long bodyStartLine,
      Map<String, Integer> columnIndex, List<String> missingOptional, List<String> extraHeaders,
      List<String> repeatedHeaders) {
    this.text = text;
    this.delimiter = delimiter;
    this.headerWidth = headerWidth;
    this.bodyStart = bodyStart;
    this.bodyStartLine = bodyStartLine;
    this.columnIndex = columnIndex;
    this.missingOptional = missingOptional;
    this.extraHeaders = extraHeaders;
    this.repeatedHeaders = repeatedHeaders;
  }

  /** Checks encoding, delimiter and header of {@code bytes} against the contract's headers. */
  public static CsvExport open(byte[] bytes, TableContract contract) throws FileRejected {
    String text = Utf8Text.decode(bytes);
    if (text.isBlank()) {
      throw new FileRejected(RejectReason.FILE_EMPTY,
          "the file is empty; expected a header row with " + headerList(contract.columns()));
    }
    Header best = null;
    for (char candidate : new char[] {',', ';'}) {
      Header h = Header.read(text, candidate, contract);
      if (best == null || h.matched() > best.matched()) {
        best = h;
      }
    }
    List<String> missingRequired = new ArrayList<>();
    List<String> missingOptional = new ArrayList<>();
    for (ColumnContract c : contract.columns()) {
      if (!best.index.containsKey(c.name())) {
        (c.required() ? missingRequired : missingOptional).add(c.header());
      }
    }
    if (!missingRequired.isEmpty()) {
      throw new FileRejected(RejectReason.FILE_MISSING_COLUMNS,
          "line 1: the header lacks required column(s) " + quoted(missingRequired)
              + "; expected a header row with " + headerList(contract.columns())
              + " separated by ',' or ';'");
    }
    CsvExport export = new CsvExport(text, best.delimiter, best.width, best.end, 2,
        best.index, missingOptional, best.extra, best.repeated);
    if (!export.records().hasNext()) {
      throw new FileRejected(RejectReason.FILE_EMPTY, "the file holds a header but no data rows");
    }
    return export;
  }

  /**
   * Counts the data lines of a file that could not be opened, so a rejected file still says how
   * much it held: the non-blank lines after the header. Works on bytes, as the file may not be
   * UTF-8; NUL counts as blank so a UTF-16 file's lines count once each; CR, LF and CRLF each end a line.
   */
  public static long roughDataLines(byte[] bytes) {
    long lines = 0;
    boolean blank = true;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == '\n' || (b == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'))) {
        lines += blank ? 0 : 1;
        blank = true;
      } else if (b != ' ' && b != '\t' && b != '\r' && b != 0) {
        blank = false;
      }
    }
    lines += blank ? 0 : 1;
    return Math.max(0, lines - 1);
  }

  public char delimiter() {
    return delimiter;
  }

  /** Optional columns the header lacks: their values are null in every row. */
  public List<String> missingOptionalHeaders() {
    return missingOptional;
  }

  /** Header cells that are not in the contract: ignored, reported once per file. */
  public List<String> extraHeaders() {
    return extraHeaders;
  }

  /** Header cells that appear more than once: the first column is read, the others ignored (reported once per file). */
  public List<String> repeatedHeaders() {
    return repeatedHeaders;
  }

  /** The data rows; blank lines are not records. */
  public Iterator<CsvRecord> records() {
    return new Iterator<>() {
      private final Tokenizer tokens = new Tokenizer(text, delimiter, bodyStart, bodyStartLine);
      private CsvRecord next = advance();

      private CsvRecord advance() {
        while (tokens.hasMore()) {
          int start = tokens.position();
          long line = tokens.line();
          List<String> fields = tokens.nextRecord();
          if (tokens.unterminated() || (tokens.quotedLineBreaks() > 0 && fields.size() != headerWidth)) {
            // A stray quote runs on (to the end of the file, or to another stray quote lines later)
            // and would swallow the rows after it: only the line it opens on is rejected, reading
            // goes on from the next line, so every physical line is a record read.
            tokens.restartAfter(start, line);
            return new CsvRecord(line, fields, headerWidth, columnIndex, true);
          }
          if (!fields.stream().allMatch(String::isBlank)) {
            return new CsvRecord(line, fields, headerWidth, columnIndex, false);
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public CsvRecord next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        CsvRecord r = next;
        next = advance();
        return r;
      }
    };
  }

  static String headerList(List<ColumnContract> columns) {
    return quoted(columns.stream().map(ColumnContract::header).toList());
  }

  private static String quoted(List<String> names) {
    return "'" + String.join("', '", names) + "'";
  }

  /** The header row read with one candidate delimiter. */
  private record Header(char delimiter, int width, int end, Map<String, Integer> index,
      List<String> extra, List<String> repeated) {

    int matched() {
      return index.size();
    }

    static Header read(String text, char delimiter, TableContract contract) {
      Tokenizer tokens = new Tokenizer(text, delimiter, 0, 1);
      List<String> cells = tokens.nextRecord();
      Map<String, Integer> byFolded = new LinkedHashMap<>();
      // A set: a header of millions of repeated names must stay linear work.
      Set<String> repeated = new LinkedHashSet<>();
      for (int i = 0; i < cells.size(); i++) {
        // A cell longer than any field is no column name: not worth normalizing (a whole header
        // read with the wrong delimiter is one such cell).
        String cell = cells.get(i);
        String folded = cell.length() > MAX_FIELD_LENGTH ? cell : VietText.fold(cell);
        if (byFolded.putIfAbsent(folded, i) != null && !folded.isEmpty()) {
          repeated.add(cells.get(i).trim());
        }
      }
      Map<String, Integer> index = new LinkedHashMap<>();
      for (ColumnContract c : contract.columns()) {
        Integer i = byFolded.remove(VietText.fold(c.header()));
        if (i != null) {
          index.put(c.name(), i);
        }
      }
      List<String> extra = byFolded.keySet().stream()
          .filter(k -> !k.isEmpty())
          .map(k -> cells.get(byFolded.get(k)).trim())
          .toList();
      return new Header(delimiter, cells.size(), tokens.position(), index, extra, List.copyOf(repeated));
    }
  }

  /** RFC 4180 records from a position in the text, counting physical lines. */
  static final class Tokenizer {
    private final String text;
    private final char delimiter;
    private int pos;
    private long line;
    private boolean unterminated;
    private int quotedLineBreaks;

    Tokenizer(String text, char delimiter, int start, long startLine) {
      this.text = text;
      this.delimiter = delimiter;
      this.pos = start;
      this.line = startLine;
    }

    boolean hasMore() {
      return pos < text.length();
    }

    long line() {
      return line;
    }

    int position() {
      return pos;
    }

    /** Goes back to the line after the one starting at {@code start} (line number {@code startLine}). */
    void restartAfter(int start, long startLine) {
      int end = start;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      pos = Math.min(text.length(), end + (text.startsWith("\r\n", end) ? 2 : 1));
      line = startLine + 1;
    }

    /** True when the last record ended inside an open quote (a truncated file or a stray quote). */
    boolean unterminated() {
      return unterminated;
    }

    /** Line breaks inside quoted fields of the last record. */
    int quotedLineBreaks() {
      return quotedLineBreaks;
    }

    /**
     * The next record. Linear in its length: a quoted field that has run over a line break and past
     * {@link #MAX_FIELD_LENGTH} is a stray quote, and ends the record as unterminated.
     */
    List<String> nextRecord() {
      List<String> fields = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      boolean blank = true;
      unterminated = false;
      quotedLineBreaks = 0;
      int n = text.length();
      while (pos < n) {
        char c = text.charAt(pos++);
        if (quoted) {
          if (c == '"') {
            if (pos < n && text.charAt(pos) == '"') {
              field.append('"');
              pos++;
            } else {
              quoted = false;
            }
          } else {
            if (c == '\n' || (c == '\r' && (pos == n || text.charAt(pos) != '\n'))) {
              line++;
              quotedLineBreaks++;
            }
            field.append(c);
            if (quotedLineBreaks > 0 && field.length() > MAX_FIELD_LENGTH) {
              break;
            }
          }
        } else if (c == '"' && blank && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
          field.setLength(0);
        } else if (c == delimiter) {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
          blank = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && pos < n && text.charAt(pos) == '\n') {
            pos++;
          }
          line++;
          fields.add(field.toString());
          return fields;
        } else {
          field.append(c);
          blank = blank && Character.isWhitespace(c);
        }
      }
      unterminated = quoted;
      fields.add(field.toString());
      return fields;
    }
  }
}
