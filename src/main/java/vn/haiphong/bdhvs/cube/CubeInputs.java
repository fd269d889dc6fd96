package vn.haiphong.bdhvs.cube;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The staged tables the cubes are computed from (docs/specification.md §6 {@code staged/<table>}), by name:
 * a new cube input is one more name in {@link #TABLES}.
 */
public final class CubeInputs {
  /** The staged tables' names; the cube's SQL reads them as staged_&lt;table&gt;. */
  public static final List<String> TABLES = List.of("contest_registrations", "contest_visits", "lms_enrolment_history",
      "mooc_statements", "telecom_operator", "telecom_speedtest", "unit_reports", "unit_report_metrics", "person_links");

  private final Map<String, Dataset<Row>> byTable;

  private CubeInputs(Map<String, Dataset<Row>> byTable) {
    this.byTable = Collections.unmodifiableMap(byTable);
  }

  /** The tables of {@code read} (a table name to its rows), in the order of {@link #TABLES}. */
  public static CubeInputs of(Function<String, Dataset<Row>> read) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    TABLES.forEach(t -> tables.put(t, read.apply(t)));
    return new CubeInputs(tables);
  }

  /** The rows of staged {@code table}, one of {@link #TABLES}. */
  public Dataset<Row> table(String table) {
    Dataset<Row> rows = byTable.get(table);
    if (rows == null) {
      throw new IllegalArgumentException("the cubes read no staged table " + table + "; they read " + TABLES);
    }
    return rows;
  }

  /** Every table by its name, in the order of {@link #TABLES}. */
  Map<String, Dataset<Row>> byTable() {
    return byTable;
  }
}
