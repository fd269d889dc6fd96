package vn.haiphong.bdhvs.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.landing.Delivery;

/** What a {@link FileParser} makes of one file's bytes, without Spark: accepted values by column, rejects, notes. */
public final class ParserOutput {
  private final StructType typed;
  private final List<Row> rows;

  private ParserOutput(StructType typed, List<Row> rows) {
    this.typed = typed;
    this.rows = rows;
  }

  public static ParserOutput parse(FileParser parser, String path, String folder, byte[] content) {
    Delivery file = new Delivery(path.substring(0, path.indexOf('/')), "test", path, "file:/landing/" + path,
        folder, "0", content.length, null, null);
    ParsedRows.Sink sink = new ParsedRows.Sink(path, parser.schema());
    parser.parse(file, content, sink);
    return new ParserOutput(parser.schema(), sink.rows());
  }

  /** Parses a CSV text with the input contract of {@code table} and a row parser. */
  public static ParserOutput csv(String table, RecordParser<RecordFields> rows, String path, String folder, String text) {
    return parse(new CsvFileParser(TableContract.load("input", table), rows), path, folder,
        text.getBytes(StandardCharsets.UTF_8));
  }

  /** The accepted records, each as column → value. */
  public List<Map<String, Object>> accepted() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : of(ParsedRows.ACCEPTED)) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < typed.size(); i++) {
        values.put(typed.fields()[i].name(), r.get(6 + i));
      }
      out.add(values);
    }
    return out;
  }

  /** The one accepted record; fails when there is not exactly one. */
  public Map<String, Object> only() {
    List<Map<String, Object>> all = accepted();
    if (all.size() != 1) {
      throw new AssertionError("expected one accepted record, found " + all.size() + "; rejects: " + rejects());
    }
    return all.get(0);
  }

  /** Rejected records and files as {@code reason: detail}. */
  public List<String> rejects() {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      if (!r.getString(2).equals(ParsedRows.ACCEPTED) && !r.getString(2).equals(ParsedRows.NOTE)) {
        out.add(r.getString(4) + ": " + r.getString(5));
      }
    }
    return out;
  }

  /** The notes on the file, in order. */
  public List<String> notes() {
    return of(ParsedRows.NOTE).stream().map(r -> r.getString(5)).toList();
  }

  /** The reject reason codes, in order. */
  public List<String> rejectReasons() {
    return rejects().stream().map(r -> r.substring(0, r.indexOf(':'))).toList();
  }

  /** Every value and message the parser produced, as one text: to look for personal data in. */
  public String everything() {
    StringBuilder all = new StringBuilder();
    for (Row r : rows) {
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        all.append(v instanceof Object[] a ? Arrays.toString(a) : String.valueOf(v)).append('|');
      }
    }
    return all.toString();
  }

  /** Fails when any output value or message holds a personal identifier of {@code person} (docs/specification.md §4). */
  public void assertHides(vn.haiphong.bdhvs.TestPeople.Person person) {
    String all = everything();
    for (String secret : person.secrets()) {
      if (all.contains(secret)) {
        throw new AssertionError("parser output contains personal data of the fixture person");
      }
    }
  }

  /** Fails unless {@code column} of the record is null and the record carries exactly the flag {@code flag}. */
  public static void assertNullAndFlagged(Map<String, Object> record, String column, String flag) {
    if (record.get(column) != null || !flags(record).equals(List.of(flag))) {
      throw new AssertionError("expected " + column + " null with flag " + flag + ", found "
          + record.get(column) + " with " + flags(record));
    }
  }

  /** The quality flags of a record, as a list. */
  public static List<String> flags(Map<String, Object> record) {
    return List.of((String[]) record.get("quality_flags"));
  }

  private List<Row> of(String kind) {
    return rows.stream().filter(r -> r.getString(2).equals(kind)).toList();
  }
}
