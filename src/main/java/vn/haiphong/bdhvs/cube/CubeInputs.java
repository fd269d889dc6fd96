package vn.haiphong.bdhvs.cube;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The staged tables the cubes are computed from (docs/specification.md §6 {@code staged/<table>}). */
public record CubeInputs(
    Dataset<Row> contestRegistrations,
    Dataset<Row> contestVisits,
    Dataset<Row> lmsEnrolmentHistory,
    Dataset<Row> moocStatements,
    Dataset<Row> telecomOperator,
    Dataset<Row> telecomSpeedtest,
    Dataset<Row> unitReports,
    Dataset<Row> unitReportMetrics,
    Dataset<Row> personLinks) {

  /** The staged tables' names, in the order of the components; the cube's SQL reads them as staged_&lt;table&gt;. */
  public static final List<String> TABLES = List.of("contest_registrations", "contest_visits", "lms_enrolment_history",
      "mooc_statements", "telecom_operator", "telecom_speedtest", "unit_reports", "unit_report_metrics", "person_links");

  /** Every table by its name. */
  Map<String, Dataset<Row>> byTable() {
    List<Dataset<Row>> frames = List.of(contestRegistrations, contestVisits, lmsEnrolmentHistory, moocStatements,
        telecomOperator, telecomSpeedtest, unitReports, unitReportMetrics, personLinks);
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    for (int i = 0; i < TABLES.size(); i++) {
      tables.put(TABLES.get(i), frames.get(i));
    }
    return tables;
  }

  /** The tables of {@code read} (a table name to its rows), in the order of {@link #TABLES}. */
  public static CubeInputs of(java.util.function.Function<String, Dataset<Row>> read) {
    List<Dataset<Row>> t = TABLES.stream().map(read).toList();
    return new CubeInputs(t.get(0), t.get(1), t.get(2), t.get(3), t.get(4), t.get(5), t.get(6), t.get(7), t.get(8));
  }
}
