package vn.haiphong.bdhvs.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * A reference CSV file (RFC 4180, UTF-8, comma) checked against its contract
 * {@code schemas/reference/<name>.json} as it is read: the header must be the contract's columns in
 * order, non-nullable values present, values of their declared type, keys unique. Any breach fails
 * with the file, line and what was expected.
 */
public final class ReferenceTable implements Serializable {

  private final String file;
  private final TableContract contract;
  private final List<Row> rows;

  private ReferenceTable(String file, TableContract contract, List<Row> rows) {
    this.file = file;
    this.contract = contract;
    this.rows = List.copyOf(rows);
  }

  /** Reads {@code reference/<name>.csv} from the classpath against {@code schemas/reference/<name>.json}. */
  public static ReferenceTable load(String name) {
    String resource = "reference/" + name + ".csv";
    try (InputStream in = ReferenceTable.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no reference file " + resource + " on the classpath");
      }
      return parse(resource, in.readAllBytes(), TableContract.load("reference", name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** Reads a reference file from disk, e.g. a candidate replacement, against a contract. */
  public static ReferenceTable read(Path path, TableContract contract) {
    try {
      return parse(path.toString(), Files.readAllBytes(path), contract);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  public String file() {
    return file;
  }

  public TableContract contract() {
    return contract;
  }

  public List<Row> rows() {
    return rows;
  }

  static ReferenceTable parse(String file, byte[] bytes, TableContract contract) {
    List<Record> records = CsvRecords.split(file, decode(file, bytes));
    if (records.isEmpty()) {
      throw new IllegalArgumentException(file + " line 1: expected header " + contract.columnNames() + ", found an empty file");
    }
    List<String> header = records.get(0).fields();
    if (!header.equals(contract.columnNames())) {
      throw new IllegalArgumentException(file + " line 1: expected header " + contract.columnNames() + ", found " + header);
    }
    List<Row> rows = new ArrayList<>();
    Map<List<String>, Integer> keyLines = new HashMap<>();
    for (Record record : records.subList(1, records.size())) {
      Row row = toRow(file, record, contract);
      List<String> key = contract.keys().stream().map(row::raw).toList();
      Integer first = keyLines.putIfAbsent(key, record.line());
      if (first != null) {
        throw new IllegalArgumentException(file + " line " + record.line() + ": duplicate key " + contract.keys()
            + " = " + key + ", first at line " + first);
      }
      rows.add(row);
    }
    return new ReferenceTable(file, contract, rows);
  }

  private static Row toRow(String file, Record record, TableContract contract) {
    List<ColumnContract> columns = contract.columns();
    if (record.fields().size() != columns.size()) {
      throw new IllegalArgumentException(file + " line " + record.line() + ": expected " + columns.size()
          + " fields " + contract.columnNames() + ", found " + record.fields().size());
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < columns.size(); i++) {
      ColumnContract column = columns.get(i);
      String value = record.fields().get(i);
      String where = file + " line " + record.line() + ", column " + column.name();
      if (value.isEmpty()) {
        if (!column.nullable()) {
          throw new IllegalArgumentException(where + ": expected a " + column.type() + " value, found an empty field");
        }
      } else if (!ColumnType.of(column.type(), file).accepts(value)) {
        throw new IllegalArgumentException(where + ": expected " + column.type() + ", found '" + value + "'");
      }
      values.put(column.name(), value.isEmpty() ? null : value);
    }
    return new Row(file, record.line(), values);
  }

  private static String decode(String file, byte[] bytes) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": expected UTF-8 text, found invalid bytes", e);
    }
  }

  /** One data row; values were checked against the contract when read, so the typed getters cannot fail on type. */
  public record Row(String file, int line, Map<String, String> values) implements Serializable {

    /** The cell as written, null when empty. */
    public String raw(String column) {
      if (!values.containsKey(column)) {
        throw new IllegalArgumentException(file + " has no column " + column);
      }
      return values.get(column);
    }

    public String text(String column) {
      return raw(column);
    }

    public Integer integer(String column) {
      return parsed(column, Integer::valueOf);
    }

    public Long bigint(String column) {
      return parsed(column, Long::valueOf);
    }

    public Double decimal(String column) {
      return parsed(column, Double::valueOf);
    }

    public Boolean bool(String column) {
      return parsed(column, Boolean::valueOf);
    }

    private <T> T parsed(String column, Function<String, T> parse) {
      String v = raw(column);
      return v == null ? null : parse.apply(v);
    }

    /** A failure about this row's content that the contract cannot express (e.g. an unknown code). */
    public IllegalArgumentException error(String column, String expected) {
      return new IllegalArgumentException(file + " line " + line + ", column " + column + ": expected "
          + expected + ", found '" + (raw(column) == null ? "" : raw(column)) + "'");
    }
  }

  record Record(int line, List<String> fields) {}
}
