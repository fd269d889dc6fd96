package vn.haiphong.bdhvs.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The data contract of one table, read from {@code schemas/<kind>/<table>.json}: the one place
 * where a table's columns, types, headers and descriptions are written down, and its lineage:
 * {@code writtenBy} (the jobs of {@code jobs/pipeline.json} that write it) and {@code readsFrom}
 * (the tables its rows are made from, as {@code <kind>/<table>}). Parsers, writers, the generator,
 * the DuckDB comments and the data dictionary read it instead of repeating column lists. Its data
 * tests ({@link #dataTests()}) are checked when a run writes the table. A staged table whose rows
 * count in a month of the cubes names the column that says which ({@code monthColumn}, see
 * {@link #rowMonth()}).
 */
public record TableContract(
    String table,
    String kind,
    String source,
    String path,
    String format,
    String description,
    List<String> keys,
    String monthColumn,
    List<ColumnContract> columns,
    List<String> writtenBy,
    List<String> readsFrom,
    List<Expectation> expectations) implements Serializable {

  /** The layers of the warehouse in the order data flows through them: the folders of {@code schemas/}. */
  public static final List<String> KINDS = List.of("input", "reference", "staged", "output", "warehouse");

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  public TableContract {
    keys = keys == null ? List.of() : List.copyOf(keys);
    columns = List.copyOf(columns);
    writtenBy = writtenBy == null ? List.of() : List.copyOf(writtenBy);
    readsFrom = readsFrom == null ? List.of() : List.copyOf(readsFrom);
    expectations = expectations == null ? List.of() : List.copyOf(expectations);
  }

  /** Loads {@code schemas/<kind>/<table>.json} from the classpath, e.g. {@code load("input", "contest_visits")}. */
  public static TableContract load(String kind, String table) {
    String resource = "schemas/" + kind + "/" + table + ".json";
    try (InputStream in = TableContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no data contract " + resource + " on the classpath");
      }
      TableContract contract = JSON.readValue(in, TableContract.class);
      if (!table.equals(contract.table())) {
        throw new IllegalStateException(resource + " declares table '" + contract.table() + "'");
      }
      contract.validateDataTests(resource);
      return contract;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read data contract " + resource, e);
    }
  }

  /** Every contract of {@code schemas/}, layer by layer ({@link #KINDS}), tables by name. */
  public static List<TableContract> all() {
    List<TableContract> all = new ArrayList<>();
    for (String kind : KINDS) {
      for (String table : ClasspathFolder.names("schemas/" + kind, ".json")) {
        all.add(load(kind, table));
      }
    }
    return all;
  }

  /**
   * Every data test of the table, checked on what a run writes before it publishes: the columns'
   * (not null, accepted, range, references, pattern; all errors) in column order, then the table's
   * {@code expectations} as declared.
   */
  public List<Expectation> dataTests() {
    List<Expectation> tests = new ArrayList<>();
    columns.forEach(c -> tests.addAll(Expectation.of(c)));
    tests.addAll(expectations);
    return tests;
  }

  void validateDataTests(String resource) {
    Set<String> names = new HashSet<>();
    try {
      for (Expectation e : dataTests()) {
        if (!names.add(e.name())) {
          throw new IllegalArgumentException("table " + table + " names two expectations " + e.name());
        }
        e.validate(this);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(resource + ": " + e.getMessage(), e);
    }
  }

  /**
   * The {@code yyyy-MM} month a row counts in for the cubes, from {@code monthColumn}: a date or
   * timestamp formatted, a {@code yyyy-MM} string as it is; empty for a table without one. What
   * the cubes build from (their first month) and what a night's changes move (the months rebuilt)
   * both read it here.
   */
  public Optional<Column> rowMonth() {
    if (monthColumn == null) {
      return Optional.empty();
    }
    String type = column(monthColumn).orElseThrow(() -> new IllegalStateException(
        id() + ": monthColumn '" + monthColumn + "' is not one of its columns")).type();
    return Optional.of(type.equals("string") ? functions.col(monthColumn)
        : functions.date_format(functions.col(monthColumn), "yyyy-MM"));
  }

  /** {@code <kind>/<table>}, the name lineage uses ({@code readsFrom}). */
  public String id() {
    return kind + "/" + table;
  }

  /**
   * Where the rows come from, in one sentence: the jobs of {@code jobs/pipeline.json} that write
   * the table and the tables they read; empty for input and reference tables, which nobody writes.
   */
  public String lineage() {
    if (writtenBy.isEmpty()) {
      return "";
    }
    return "Written by " + String.join(", ", writtenBy)
        + (readsFrom.isEmpty() ? "" : " from " + String.join(", ", readsFrom)) + ".";
  }

  public Optional<ColumnContract> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnContract::name).toList();
  }

  /** The Spark schema of an output table, from each column's Spark SQL type ({@code string}, {@code bigint}, ...). */
  public StructType sparkSchema() {
    return schemaOf(columns);
  }

  /** The columns a row parser produces: the output schema without {@code derived} columns. */
  public StructType parsedSchema() {
    return schemaOf(columns.stream().filter(c -> !c.derived()).toList());
  }

  private static StructType schemaOf(List<ColumnContract> columns) {
    StructType schema = new StructType();
    for (ColumnContract c : columns) {
      schema = schema.add(new StructField(c.name(), DataType.fromDDL(c.type()), c.nullable(),
          org.apache.spark.sql.types.Metadata.empty()));
    }
    return schema;
  }
}
