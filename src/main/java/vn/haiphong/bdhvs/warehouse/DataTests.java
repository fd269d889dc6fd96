package vn.haiphong.bdhvs.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.contract.Expectation;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The data tests of the tables a run wrote ({@link TableContract#dataTests()}), over the Parquet as
 * written aside: every test of a table in one pass, each counting its failing rows and keeping one
 * example key (the smallest, so the message is the same every run). The key holds the contract's
 * key columns, never a personal one.
 */
public final class DataTests {
  private DataTests() {}

  /** One test's outcome on one table. */
  public record Result(String table, String expectation, String kind, String severity, String test,
      long failingRows, String exampleKey) {

    public boolean failed() {
      return failingRows > 0;
    }

    public boolean isError() {
      return severity.equals(Expectation.Severity.ERROR.code());
    }

    /** The manifest's record of it, keyed by the columns of the view data_tests (schemas/warehouse/data_tests.json). */
    public Map<String, Object> manifest() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("table_name", table);
      m.put("expectation", expectation);
      m.put("kind", kind);
      m.put("severity", severity);
      m.put("test", test);
      m.put("failing_rows", failingRows);
      m.put("example_key", exampleKey);
      return m;
    }
  }

  /** A table's tests: its rows, how long they took, each test's outcome. */
  public record TableOutcome(String table, long rows, double seconds, List<Result> results) {}

  /**
   * Runs every test of {@code contract} on {@code rows} (the table as written) in one aggregation.
   * {@code rows} must declare its columns nullable, as Spark does reading Parquet: Spark would
   * otherwise take a column's not-null test for always passing.
   */
  public static TableOutcome run(TableContract contract, Dataset<Row> rows) {
    long start = System.nanoTime();
    List<Expectation> tests = contract.dataTests();
    Column key = exampleKey(contract);
    List<Column> measures = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      Column failing = tests.get(i).failing(contract, Dimensions::values);
      measures.add(sum(when(failing, 1L).otherwise(0L)).as("failing_" + i));
      measures.add(min(when(failing, key)).as("example_" + i));
    }
    Row totals = rows.agg(count(lit(1)).as("rows"), measures.toArray(Column[]::new)).first();
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < tests.size(); i++) {
      Expectation e = tests.get(i);
      long failing = totals.isNullAt(1 + 2 * i) ? 0 : totals.getLong(1 + 2 * i);
      results.add(new Result(contract.table(), e.name(), e.kind().code(), e.severity().code(), e.text(), failing,
          failing == 0 ? null : totals.getString(2 + 2 * i)));
    }
    return new TableOutcome(contract.table(), totals.getLong(0), (System.nanoTime() - start) / 1e9, results);
  }

  /** {@code month=2025-11, ward_code=31001, ...} of the contract's key columns; null without keys. */
  private static Column exampleKey(TableContract contract) {
    List<String> keys = contract.keys().stream()
        .filter(k -> contract.column(k).map(c -> !c.pii()).orElse(false)).toList();
    if (keys.isEmpty()) {
      return lit(null).cast("string");
    }
    return concat_ws(", ", keys.stream().map(k -> concat(lit(k + "="), col(k).cast("string"))).toArray(Column[]::new));
  }

  /**
   * Why a run stops: every failing error test with its rows and one example key, or empty when none
   * failed. Codes and keys only, never a value of the table.
   */
  public static Optional<String> failure(List<TableOutcome> outcomes) {
    List<String> failed = outcomes.stream().flatMap(o -> o.results().stream())
        .filter(r -> r.isError() && r.failed())
        .map(r -> "table " + r.table() + ", expectation " + r.expectation() + " (" + r.test() + "): "
            + r.failingRows() + (r.failingRows() == 1 ? " row" : " rows")
            + (r.exampleKey() == null ? "" : ", e.g. " + r.exampleKey()))
        .collect(Collectors.toList());
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("data tests failed, nothing published: " + String.join("; ", failed));
  }
}
