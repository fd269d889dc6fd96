package vn.haiphong.bdhvs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/**
 * What the report reads from a local warehouse folder, through an in-memory DuckDB over the
 * Parquet files (no Spark): the indicator cube, the skill gaps, the rejects and the unit reports.
 */
final class ReportSource implements AutoCloseable {
  static final String CUBE = "cubes/indicator_cube";
  static final String SKILL_GAPS = "cubes/skill_gaps";
  static final String SOURCE_MONTHS = "cubes/source_months";
  static final String PROJECTIONS = "cubes/target_projection";
  static final String LEARNING = "cubes/learning_cube";
  static final String VIOLATIONS = "quality/validation_violations";
  static final String OUTLIERS = "quality/report_outliers";
  static final String UNIT_REPORTS = "staged/unit_reports";
  static final String REPORT_METRICS = "staged/unit_report_metrics";

  /** A ward where the reported rate and the measured one differ (cubes/skill_gaps). */
  record SkillGap(String wardCode, String reportedIndicator, String measuredIndicator, Double reported,
      Double measured, Double gap, boolean flagged) {}

  /** Rejected rows of one source and reason, with one example file and detail. */
  record RejectCount(String source, String reasonCode, long rows, String exampleFile, String exampleDetail) {}

  /** The notes of one current unit report of the month: text from outside, untrusted. */
  record UnitNote(String unitCode, String wardCode, String submittedAt, boolean onTime, String notes) {}

  /** When a scope meets an indicator's target at its recent pace (cubes/target_projection), as the report words it. */
  record Projected(String wardCode, String indicatorCode, String outcome, String outcomeVi) {}

  /** A value of a unit's report that stands out (quality/report_outliers), summed over target groups. */
  record Outlier(String unitCode, String periodType, String period, String metricCode, Double value, String method) {}

  /** A validation rule a unit's current report breaks (quality/validation_violations), with both sides' values. */
  record Violation(String unitCode, String periodType, String period, String ruleId, String importance, Double left, Double right) {}

  /** One metric of a unit's current report of a period, summed over target groups, in the document's order. */
  record ReportedFigure(String unitCode, String periodType, String period, String metricCode, Double value) {}

  /**
   * A unit's first submission of a period (version 1), how many versions followed, and whether the city
   * approved the one in force (docs/specification.md §2.5); local submission time.
   */
  record Submission(String unitCode, String period, String submittedAt, boolean onTime, int versions, boolean approved) {}

  private final Path root;
  private final Connection duck;

  ReportSource(Path root) {
    this.root = root;
    try {
      this.duck = DriverManager.getConnection("jdbc:duckdb:");
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start DuckDB", e);
    }
  }

  Path root() {
    return root;
  }

  /** Months that have a cube partition with Parquet in it, in order. */
  Set<YearMonth> cubeMonths() {
    Set<YearMonth> months = new TreeSet<>();
    Path dir = root.resolve(CUBE);
    if (!Files.isDirectory(dir)) {
      return months;
    }
    try (Stream<Path> parts = Files.list(dir)) {
      parts.filter(p -> p.getFileName().toString().matches("month=\\d{4}-\\d{2}") && hasParquet(p))
          .forEach(p -> months.add(YearMonth.parse(p.getFileName().toString().substring(6))));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return months;
  }

  /** The latest month whose every source was complete at the run date, if the warehouse has one. */
  Optional<YearMonth> latestClosedMonth() {
    if (!Files.isDirectory(root.resolve(SOURCE_MONTHS))) {
      return Optional.empty();
    }
    List<YearMonth> found = new ArrayList<>();
    query("WITH source_months AS (SELECT * FROM " + parquet(SOURCE_MONTHS) + ") "
        + DuckDbWarehouse.LATEST_CLOSED_MONTH_SQL, r -> {
          if (r.getString(1) != null) {
            found.add(YearMonth.parse(r.getString(1)));
          }
        });
    return found.stream().findFirst();
  }

  /** Fails with exit 2 when the month has no cube, naming the folder and the months there are. */
  void requireCube(YearMonth month) {
    Set<YearMonth> months = cubeMonths();
    if (!months.contains(month)) {
      throw new UserError("no indicator cube for " + month + ": " + root.resolve(CUBE).resolve("month=" + month)
          + " has no Parquet files (months with a cube: " + (months.isEmpty() ? "none" : months)
          + "); run the pipeline for that month first");
    }
  }

  /** The city-wide rows (ALL × ALL) of every month: the KPI table and the trend charts. */
  List<CubeRow> cityRows() {
    return cubeRows("ward_code = 'ALL' AND target_group = 'ALL'");
  }

  /** The rows of every ward (target group ALL) in {@code month}: the ward table, the ranking, the map. */
  List<CubeRow> wardRows(YearMonth month) {
    return cubeRows("target_group = 'ALL' AND ward_code NOT IN ('ALL', 'UNKNOWN') AND month = '" + month + "'");
  }

  /** The rows of every ward (target group ALL) of every month up to {@code month}: each ward report's KPI table and trends, in one read. */
  List<CubeRow> wardSeriesRows(YearMonth month) {
    return cubeRows("target_group = 'ALL' AND ward_code NOT IN ('ALL', 'UNKNOWN') AND month <= '" + month + "'");
  }

  /** The month's impossible figures (status check_data, by the rule of the cube SQL) of every ward × target group. */
  List<CubeRow> checkData(YearMonth month) {
    return cubeRows("status = 'check_data' AND month = '" + month + "'");
  }

  private List<CubeRow> cubeRows(String where) {
    String sql = "SELECT month, ward_code, target_group, indicator_code, numerator, denominator, value, unit,"
        + " target_value, target_year, status, is_provisional FROM " + parquet(CUBE) + " WHERE " + where
        + " ORDER BY month, ward_code, indicator_code";
    List<CubeRow> rows = new ArrayList<>();
    query(sql, r -> rows.add(new CubeRow(YearMonth.parse(r.getString(1)), r.getString(2), r.getString(3),
        r.getString(4), number(r, 5), number(r, 6), number(r, 7), r.getString(8), number(r, 9),
        (Integer) r.getObject(10), r.getString(11), r.getBoolean(12))));
    return rows;
  }

  /** The learners of each city-lms class in {@code month}, city-wide; empty when cubes/learning_cube is absent. */
  Map<String, Long> classLearners(YearMonth month) {
    Map<String, Long> learners = new java.util.TreeMap<>();
    if (hasParquet(root.resolve(LEARNING))) {
      query("SELECT course_code, learners FROM " + parquet(LEARNING) + " WHERE month = '" + month + "'"
          + " AND platform = 'city-lms' AND ward_code = 'ALL' AND target_group = 'ALL'",
          r -> learners.put(r.getString(1), r.getLong(2)));
    }
    return learners;
  }

  /** The month's skill gaps, flagged wards first then by gap; empty when cubes/skill_gaps is absent. */
  List<SkillGap> skillGaps(YearMonth month) {
    List<SkillGap> gaps = new ArrayList<>();
    if (!hasParquet(root.resolve(SKILL_GAPS))) {
      return gaps;
    }
    // Columns as schemas/output/skill_gaps.json names them.
    query("SELECT ward_code, indicator_code, measured_code, reported_value, measured_value, gap_points,"
        + " coalesce(flagged, false) FROM " + parquet(SKILL_GAPS) + " WHERE month = '" + month + "'"
        + " ORDER BY 7 DESC, gap_points DESC NULLS LAST, ward_code",
        r -> gaps.add(new SkillGap(r.getString(1), r.getString(2), r.getString(3), number(r, 4), number(r, 5),
            number(r, 6), r.getBoolean(7))));
    return gaps;
  }

  /** Rejected rows by source and reason, most first, each with the first file and that file's detail. */
  List<RejectCount> rejectsByReason() {
    List<RejectCount> counts = new ArrayList<>();
    if (!hasParquet(root.resolve("rejects"))) {
      return counts;
    }
    query("SELECT source, reason_code, count(*), min(file), arg_min(detail, file) FROM "
        + "read_parquet('" + sqlText(root.resolve("rejects")) + "/*/*.parquet', union_by_name = true)"
        + " GROUP BY source, reason_code ORDER BY 3 DESC, source, reason_code",
        r -> counts.add(new RejectCount(r.getString(1), r.getString(2), r.getLong(3), r.getString(4), r.getString(5))));
    return counts;
  }

  /** The current unit reports for the month that carry notes; submission time in Vietnam's time (UTC+7, no DST). */
  List<UnitNote> unitNotes(YearMonth month) {
    List<UnitNote> notes = new ArrayList<>();
    if (!hasParquet(root.resolve(UNIT_REPORTS))) {
      return notes;
    }
    query("SELECT unit_code, ward_code, strftime(CAST(submitted_at AS TIMESTAMP) + INTERVAL 7 HOUR, '%H:%M ngày %d/%m/%Y'), coalesce(on_time, false), notes FROM "
        + "read_parquet('" + sqlText(root.resolve(UNIT_REPORTS)) + "/**/*.parquet', union_by_name = true)"
        + " WHERE is_current AND period = '" + month + "' AND nullif(trim(notes), '') IS NOT NULL"
        + " ORDER BY unit_code LIMIT 50",
        r -> notes.add(new UnitNote(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5))));
    return notes;
  }

  /** The month's projections of every scope; empty when cubes/target_projection is absent (a warehouse built before it). */
  List<Projected> projections(YearMonth month) {
    List<Projected> projected = new ArrayList<>();
    if (!hasParquet(root.resolve(PROJECTIONS))) {
      return projected;
    }
    query("SELECT ward_code, indicator_code, outcome, outcome_vi FROM " + parquet(PROJECTIONS)
        + " WHERE month = '" + month + "' ORDER BY ward_code, indicator_code",
        r -> projected.add(new Projected(r.getString(1), r.getString(2), r.getString(3), r.getString(4))));
    return projected;
  }

  /** Every unit's submissions of {@code periods} (the periods due in the report's month), in Vietnam's time. */
  List<Submission> submissions(Set<String> periods) {
    List<Submission> submissions = new ArrayList<>();
    periodQuery(UNIT_REPORTS, periods, "upper(trim(unit_code)), period,"
        + " strftime(CAST(min(submitted_at) AS TIMESTAMP) + INTERVAL 7 HOUR, '%H:%M ngày %d/%m/%Y'),"
        + " coalesce(bool_or(on_time AND version = 1), false), count(*), coalesce(bool_or(is_current AND is_approved), false)",
        "AND unit_code IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2",
        r -> submissions.add(new Submission(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getInt(5),
            r.getBoolean(6))));
    return submissions;
  }

  /** Whether the validation checks have written their table (else no report can be said to break no rule). */
  boolean hasViolations() {
    return hasParquet(root.resolve(VIOLATIONS));
  }

  /** Rules each unit × period's current report breaks (quality/validation_violations), by "unit|period"; empty when absent. */
  java.util.Map<String, Integer> violations(Set<String> periods) {
    java.util.Map<String, Integer> counts = new java.util.HashMap<>();
    periodQuery(VIOLATIONS, periods, "upper(trim(unit_code)) || '|' || period, count(DISTINCT rule_id)", "GROUP BY 1",
        r -> counts.put(r.getString(1), r.getInt(2)));
    return counts;
  }

  /** Every rule broken by the current reports of {@code periods}, by unit, period and rule; empty when the checks have not run. */
  List<Violation> violationRows(Set<String> periods) {
    List<Violation> rows = new ArrayList<>();
    periodQuery(VIOLATIONS, periods, "upper(trim(unit_code)), period_type, period, rule_id, importance, left_value, right_value",
        "ORDER BY 1, 3, 4", r -> rows.add(new Violation(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
            r.getString(5), number(r, 6), number(r, 7))));
    return rows;
  }

  /** The outliers among the reports of {@code periods}; empty when the checks have not run. */
  List<Outlier> outliers(Set<String> periods) {
    List<Outlier> rows = new ArrayList<>();
    periodQuery(OUTLIERS, periods, "upper(trim(unit_code)), period_type, period, metric_code, value, method", "ORDER BY 1, 3, 4, 6",
        r -> rows.add(new Outlier(r.getString(1), r.getString(2), r.getString(3), r.getString(4), number(r, 5), r.getString(6))));
    return rows;
  }

  /** The metrics of every unit's current report of {@code periods}; empty when no report was staged. */
  List<ReportedFigure> reportedFigures(Set<String> periods) {
    List<ReportedFigure> rows = new ArrayList<>();
    periodQuery(REPORT_METRICS, periods, "upper(trim(unit_code)), period_type, period, metric_code, sum(value)",
        "AND is_current AND unit_code IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 3, min(metric_index), 4",
        r -> rows.add(new ReportedFigure(r.getString(1), r.getString(2), r.getString(3), r.getString(4), number(r, 5))));
    return rows;
  }

  // A query of a unit-report table's rows of the periods, then the rest of its WHERE, GROUP BY and ORDER BY;
  // nothing when no period is due or the table has no Parquet yet (a warehouse before those checks ran).
  private void periodQuery(String table, Set<String> periods, String select, String rest, RowReader reader) {
    if (periods.isEmpty() || !hasParquet(root.resolve(table))) {
      return;
    }
    query("SELECT " + select + " FROM read_parquet('" + sqlText(root.resolve(table)) + "/**/*.parquet', union_by_name = true)"
        + " WHERE period IN (" + sqlList(periods) + ") " + rest, reader);
  }

  private String parquet(String table) {
    return "read_parquet('" + sqlText(root.resolve(table)) + "/*/*.parquet', hive_partitioning = true,"
        + " hive_types = {'month': VARCHAR}, union_by_name = true)";
  }

  private static String sqlList(Set<String> texts) {
    return texts.stream().map(t -> "'" + t.replace("'", "''") + "'").collect(java.util.stream.Collectors.joining(", "));
  }

  private static String sqlText(Path path) {
    return path.toAbsolutePath().toString().replace("'", "''");
  }

  private static Double number(ResultSet r, int column) throws SQLException {
    double v = r.getDouble(column);
    return r.wasNull() ? null : v;
  }

  static boolean hasParquet(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir, 3)) {
      return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
  }

  private interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  private void query(String sql, RowReader reader) {
    try (Statement st = duck.createStatement(); ResultSet r = st.executeQuery(sql)) {
      while (r.next()) {
        reader.read(r);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("DuckDB could not read the warehouse under " + root + ": " + e.getMessage()
          + "\nquery: " + sql, e);
    }
  }

  @Override
  public void close() {
    try {
      duck.close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
