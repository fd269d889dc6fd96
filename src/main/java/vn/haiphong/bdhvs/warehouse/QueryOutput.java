package vn.haiphong.bdhvs.warehouse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBResultSet;

/** The three shapes of {@code bdhvs query}'s answer: an aligned text table, CSV, or an Arrow IPC file. */
public final class QueryOutput {
  private static final int ARROW_BATCH_ROWS = 64 * 1024;
  private static final Set<Integer> NUMBERS = Set.of(Types.TINYINT, Types.SMALLINT, Types.INTEGER,
      Types.BIGINT, Types.FLOAT, Types.REAL, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC);

  private static final Set<String> WIDE_INTEGERS = Set.of("HUGEINT", "UHUGEINT", "UBIGINT", "UINTEGER", "USMALLINT",
      "UTINYINT");
  /** What makes a spreadsheet cell a formula (OWASP, "CSV injection"). */
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private QueryOutput() {}

  /** An aligned text table for people: numbers right-aligned, NULL spelled out; returns the rows. */
  public static long table(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String[]> lines = new ArrayList<>();
    String[] header = new String[n];
    int[] width = new int[n];
    for (int i = 0; i < n; i++) {
      header[i] = meta.getColumnLabel(i + 1);
      width[i] = length(header[i]);
    }
    while (rs.next()) {
      String[] line = new String[n];
      for (int i = 0; i < n; i++) {
        String v = rs.getString(i + 1);
        line[i] = v == null ? "NULL" : v.replace("\n", "\\n");
        width[i] = Math.max(width[i], length(line[i]));
      }
      lines.add(line);
    }
    StringBuilder rule = new StringBuilder();
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
      right[i] = isNumber(meta, i + 1);
    }
    printLine(out, header, width, right);
    out.println(rule);
    for (String[] line : lines) {
      printLine(out, line, width, right);
    }
    out.println("(" + lines.size() + (lines.size() == 1 ? " row)" : " rows)"));
    out.flush();
    return lines.size();
  }

  /**
   * A header row, then one line per row; RFC 4180 quoting, empty field for NULL; returns the rows.
   * {@code excelSafe}: a text cell Excel would run as a formula gets a leading {@code '} (OWASP
   * "CSV injection"); a number column is left alone, its negative values are numbers.
   */
  public static long csv(ResultSet rs, PrintWriter out, boolean excelSafe) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    List<String> header = new ArrayList<>();
    boolean[] guard = new boolean[n + 1];
    for (int i = 1; i <= n; i++) {
      header.add(excelSafe ? formulaSafe(meta.getColumnLabel(i)) : meta.getColumnLabel(i));
      guard[i] = excelSafe && !isNumber(meta, i);
    }
    csvLine(out, header);
    long rows = 0;
    while (rs.next()) {
      List<String> values = new ArrayList<>(n);
      for (int i = 1; i <= n; i++) {
        String v = rs.getString(i);
        values.add(guard[i] && v != null ? formulaSafe(v) : v);
      }
      csvLine(out, values);
      rows++;
    }
    out.flush();
    return rows;
  }

  /**
   * An Arrow IPC file (readable by pyarrow, polars, DuckDB) streamed batch by batch from DuckDB's
   * own Arrow export, without converting values in Java; returns the rows.
   */
  public static long arrow(ResultSet rs, Path file) throws SQLException, IOException {
    DuckDBResultSet duck = rs.unwrap(DuckDBResultSet.class);
    // Closed in reverse: writer, channel, reader (its batches), then the allocator, which checks nothing leaked.
    try (BufferAllocator allocator = new RootAllocator();
        ArrowReader reader = (ArrowReader) duck.arrowExportStream(allocator, ARROW_BATCH_ROWS);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        ArrowFileWriter writer = new ArrowFileWriter(reader.getVectorSchemaRoot(), reader, channel)) {
      long rows = 0;
      writer.start();
      while (reader.loadNextBatch()) {
        writer.writeBatch();
        rows += reader.getVectorSchemaRoot().getRowCount();
      }
      writer.end();
      return rows;
    }
  }

  /** {@code text} as Excel shows it as text: a leading {@code '} before a character that starts a formula. */
  static String formulaSafe(String text) {
    return !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
  }

  // JDBC's number types, and DuckDB's wide and unsigned integers, which its driver reports otherwise.
  private static boolean isNumber(ResultSetMetaData meta, int column) throws SQLException {
    return NUMBERS.contains(meta.getColumnType(column)) || WIDE_INTEGERS.contains(meta.getColumnTypeName(column));
  }

  private static void printLine(PrintWriter out, String[] cells, int[] width, boolean[] right) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      String pad = " ".repeat(width[i] - length(cells[i]));
      line.append(i == 0 ? "" : " | ").append(right[i] ? pad + cells[i] : cells[i] + pad);
    }
    out.println(line.toString().stripTrailing());
  }

  private static void csvLine(PrintWriter out, List<String> values) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (i > 0) {
        line.append(',');
      }
      if (v != null) {
        boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
        line.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
      }
    }
    out.print(line);
    out.print('\n');
  }

  // Vietnamese text is precomposed in the data: one code point is one column on a terminal.
  private static int length(String s) {
    return s.codePointCount(0, s.length());
  }
}
