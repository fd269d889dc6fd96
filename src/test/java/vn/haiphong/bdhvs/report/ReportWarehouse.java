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
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.cube.TargetProjections;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * A small warehouse written with DuckDB the way the pipeline lays it out: a dense indicator cube for
 * September to November 2025 following schemas/output/indicator_cube.json, skill gaps, rejects,
 * staged unit reports with their metrics, broken rules and outliers, and a run manifest, with hostile
 * text where text comes from outside.
 */
final class ReportWarehouse {
  static final List<String> MONTHS = List.of("2025-09", "2025-10", "2025-11");
  static final String HOSTILE_SCRIPT = "<script>alert(1)</script>";
  static final String HOSTILE_ATTRIBUTE = "\"><img src=x onerror=alert(1)>";
  static final String RTL_OVERRIDE = "\u202E";
  static final String HOSTILE_NOTE = "Đã tổ chức 3 lớp " + HOSTILE_SCRIPT + " " + HOSTILE_ATTRIBUTE + " tệp " + RTL_OVERRIDE + "fdp.exe";

  // City-wide figures the tests look for, chosen so the phrases are the seed report's.
  static final double REGISTRANTS_NOV = 311243;
  static final double MOBILE_DL_SEP = 172.41;
  static final double MOBILE_DL_NOV = 233.41;
  static final double BTS_4G_OCT = 1203;
  static final double BTS_4G_NOV = 1200;
  // An impossible figure the cube marks check_data (as issue 13's Bạch Long Vĩ): a rate above 100 %, of an
  // indicator no ranking, map or ward column shows. Rates break down by ward only, so its group is ALL.
  static final String IMPOSSIBLE_WARD = "11948";
  static final String IMPOSSIBLE_GROUP = "ALL";
  static final String IMPOSSIBLE_INDICATOR = "EW_SKILLED_RATE";
  static final double IMPOSSIBLE_VALUE = 435.7;

  // A department's reported figures, its skilled officials above its officials (rule VR02), and a ward's cumulative figure that fell.
  static final double DEPARTMENT_OFFICIALS = 1200;
  static final double DEPARTMENT_SKILLED = 1315;
  static final double WARD_OUTLIER = 4412;

  private ReportWarehouse() {}

  /** The cube's rows of target group ALL for {@code month} as written under {@code root}, by "ward|indicator": what the files must show. */
  static java.util.Map<String, Double> cubeValues(Path root, String month) {
    java.util.Map<String, Double> values = new java.util.HashMap<>();
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement();
        ResultSet r = st.executeQuery("SELECT ward_code, indicator_code, value FROM read_parquet('"
            + root.resolve("cubes/indicator_cube/month=" + month + "/part-0.parquet") + "') WHERE target_group = 'ALL'")) {
      while (r.next()) {
        values.put(r.getString(1) + "|" + r.getString(2), (Double) r.getObject(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  static Path write(Path root) {
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
      cube(st);
      for (String month : MONTHS) {
        Path dir = Files.createDirectories(root.resolve("cubes/indicator_cube/month=" + month));
        st.execute("COPY (SELECT * FROM cube WHERE month = '" + month + "') TO '" + dir.resolve("part-0.parquet")
            + "' (FORMAT parquet)");
      }
      projections(duck, st, root);
      Path gaps = Files.createDirectories(root.resolve("cubes/skill_gaps/month=2025-11"));
      st.execute("COPY (SELECT * FROM (VALUES"
          + " ('2025-11', '10507', 'PS_SKILLED_RATE', 'PS_SKILLED_RATE_MEASURED', 97.0, 41.5, 55.5, true),"
          + " ('2025-11', '10525', 'RES_BASIC_SKILL_RATE', 'RES_BASIC_SKILL_RATE_MEASURED', 60.0, 55.0, 5.0, false))"
          + " t(month, ward_code, indicator_code, measured_code, reported_value, measured_value, gap_points, flagged))"
          + " TO '" + gaps.resolve("part-0.parquet") + "' (FORMAT parquet)");
      Path rejects = Files.createDirectories(root.resolve("rejects/unit-reports"));
      st.execute("COPY (SELECT * FROM (VALUES"
          + " ('unit-reports', " + sql("unit-reports/2025-12-03/" + HOSTILE_ATTRIBUTE + ".json") + ", NULL::BIGINT, 'file_invalid_json', "
          + sql("unexpected token " + HOSTILE_SCRIPT) + ", 'run-20251210T000000Z'),"
          + " ('unit-reports', 'unit-reports/2025-12-04/b.json', NULL::BIGINT, 'file_invalid_json', 'truncated', 'run-20251210T000000Z'))"
          + " t(source, file, line, reason_code, detail, run_id)) TO '" + rejects.resolve("part-0.parquet") + "' (FORMAT parquet)");
      Path reports = Files.createDirectories(root.resolve("staged/unit_reports"));
      st.execute("COPY (SELECT * FROM (VALUES"
          + " ('r1', 'UB-10507', '10507', '2025-11', 'month', TIMESTAMPTZ '2025-12-03 02:12:00+00', true, true, " + sql(HOSTILE_NOTE) + ", 1, true),"
          + " ('r2', 'UB-10525', '10525', '2025-11', 'month', TIMESTAMPTZ '2025-12-08 02:12:00+00', false, false, 'Nộp bổ sung', 1, false),"
          + " ('r3', 'UB-10525', '10525', '2025-11', 'month', TIMESTAMPTZ '2025-12-09 02:12:00+00', false, true, 'Sửa số liệu', 2, false),"
          + " ('r4', 'SO-GDDT', NULL, '2025-11', 'month', TIMESTAMPTZ '2025-12-04 01:30:00+00', true, true, NULL, 1, false))"
          + " t(report_id, unit_code, ward_code, period, period_type, submitted_at, on_time, is_current, notes, version, is_approved))"
          + " TO '" + reports.resolve("part-0.parquet") + "' (FORMAT parquet)");
      unitChecks(st, root);
      Files.createDirectories(root.resolve("runs"));
      Files.writeString(root.resolve("runs/run-20251210T000000Z.json"), """
          {"run_id": "run-20251210T000000Z", "started_at": "2025-12-10T00:00:00Z", "finished_at": "2025-12-10T00:09:00Z",
           "status": "published", "sources": {
             "cubes": {"rows_read": 0, "rows_accepted": 0, "rows_rejected": 0, "files": []},
             "telecom": {"rows_read": 500, "rows_accepted": 500, "rows_rejected": 0, "files": [
               {"path": "telecom/2025-10/speedtest.csv"}, {"path": "telecom/2025-11/speedtest.csv"}]},
             "unit-reports": {"rows_read": 40, "rows_accepted": 38, "rows_rejected": 2, "files": [
               {"path": "unit-reports/2025-12-03/a.json"}, {"path": "unit-reports/2025-12-09/c.json"}]}}}
          """);
      return root;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // Every month × ward (114, ALL, UNKNOWN) × group (six, ALL) × indicator of the catalog, by its breakdown.
  private static void cube(Statement st) throws SQLException {
    List<Ward> wards = WardDirectory.load().wards();
    st.execute("CREATE TABLE wards AS SELECT * FROM (VALUES ('ALL'), ('UNKNOWN'), "
        + wards.stream().map(w -> "('" + w.code() + "')").collect(Collectors.joining(", ")) + ") t(ward_code)");
    st.execute("CREATE TABLE groups AS SELECT * FROM (VALUES ('ALL'), "
        + Stream.of(TargetGroup.values()).map(g -> "('" + g.code() + "')").collect(Collectors.joining(", "))
        + ") t(target_group)");
    List<Indicator> indicators = IndicatorCatalog.load().indicators();
    st.execute("CREATE TABLE inds AS SELECT * FROM (VALUES "
        + indicators.stream().map(i -> "('" + i.code() + "', '" + i.unit() + "', '" + i.breakdown() + "', "
            + (i.targetCode() == null || i.targetCode().isBlank() ? "NULL" : i.unit().equals("ratio") ? "5.0" : "80.0") + ")")
            .collect(Collectors.joining(", "))
        + ") t(code, unit, breakdown, target)");
    st.execute("CREATE TABLE months AS SELECT * FROM (VALUES "
        + MONTHS.stream().map(m -> "('" + m + "', " + MONTHS.indexOf(m) + ")").collect(Collectors.joining(", "))
        + ") t(month, k)");
    st.execute("""
        CREATE TABLE cube AS
        WITH base AS (
          SELECT m.month, m.k, w.ward_code, g.target_group, i.code AS indicator_code, i.unit, i.target,
            CASE i.unit
              WHEN 'percent' THEN 30 + (hash(w.ward_code || i.code) % 55) + 4 * m.k
              WHEN 'count' THEN 100 + (hash(w.ward_code || i.code) % 900) + 40 * m.k
              WHEN 'mbps' THEN 120 + (hash(w.ward_code || i.code) % 80) + 10 * m.k
              ELSE 3 + (hash(w.ward_code || i.code) % 40) / 10.0 END::DOUBLE AS value
          FROM months m, wards w, groups g, inds i
          WHERE i.breakdown = 'ward_target_group'
             OR (i.breakdown = 'ward' AND g.target_group = 'ALL')
             OR (i.breakdown = 'city' AND w.ward_code = 'ALL' AND g.target_group = 'ALL'))
        SELECT month, ward_code, target_group, indicator_code,
          CASE WHEN unit = 'mbps' THEN NULL WHEN unit = 'count' THEN value ELSE value * 10 END AS numerator,
          CASE WHEN unit IN ('percent', 'ratio') THEN 1000.0 END AS denominator,
          value, unit, target AS target_value, CASE WHEN target IS NOT NULL THEN 2025 END::INTEGER AS target_year,
          CASE WHEN target IS NOT NULL THEN 'KH-478-TU' END AS target_plan_id,
          CASE WHEN target IS NULL THEN 'no_target' WHEN value >= target THEN 'achieved'
               WHEN value >= target - 10 THEN 'at_risk' WHEN value >= target - 25 THEN 'on_track' ELSE 'off_track' END AS status,
          (month = '2025-11' AND indicator_code IN ('PS_SKILLED_RATE', 'RES_BASIC_SKILL_RATE')) AS is_provisional,
          'run-fixture' AS run_id
        FROM base""");
    setCity(st, "CONTEST_REGISTRANTS", "2025-11", REGISTRANTS_NOV);
    setCity(st, "MOBILE_DL_MBPS", "2025-09", MOBILE_DL_SEP);
    setCity(st, "MOBILE_DL_MBPS", "2025-10", 190.0);
    setCity(st, "MOBILE_DL_MBPS", "2025-11", MOBILE_DL_NOV);
    setCity(st, "BTS_4G", "2025-10", BTS_4G_OCT);
    setCity(st, "BTS_4G", "2025-11", BTS_4G_NOV);
    st.execute("UPDATE cube SET value = " + IMPOSSIBLE_VALUE + ", numerator = 4357, denominator = 1000, status = 'check_data'"
        + " WHERE ward_code = '" + IMPOSSIBLE_WARD + "' AND target_group = '" + IMPOSSIBLE_GROUP + "' AND indicator_code = '"
        + IMPOSSIBLE_INDICATOR + "' AND month = '2025-11'");
  }

  // The metrics of a department's and a ward's November reports, each breaking a rule, and an outlier.
  private static void unitChecks(Statement st, Path root) throws SQLException, IOException {
    parquet(st, root.resolve("staged/unit_report_metrics"),
        "('r4', 'SO-GDDT', NULL, '2025-11', 'month', 1, true, TIMESTAMPTZ '2025-12-04 01:30:00+00', 'officials_total', 'public_sector', "
            + DEPARTMENT_OFFICIALS + ", 'a.json', 0),"
            + " ('r4', 'SO-GDDT', NULL, '2025-11', 'month', 1, true, TIMESTAMPTZ '2025-12-04 01:30:00+00', 'officials_skilled', 'public_sector', "
            + DEPARTMENT_SKILLED + ", 'a.json', 1),"
            + " ('r1', 'UB-10507', '10507', '2025-11', 'month', 1, true, TIMESTAMPTZ '2025-12-03 02:12:00+00', 'community_class_held', NULL, 3.0, 'a.json', 0),"
            + " ('r1', 'UB-10507', '10507', '2025-11', 'month', 1, true, TIMESTAMPTZ '2025-12-03 02:12:00+00', 'households_digital', NULL, "
            + WARD_OUTLIER + ", 'a.json', 1)",
        "report_id, unit_code, ward_code, period, period_type, version, is_current, submitted_at, metric_code, target_group, value,"
            + " source_file, metric_index");
    parquet(st, root.resolve("quality/validation_violations"),
        "('SO-GDDT', NULL, 'month', '2025-11', 'VR02', 'high', " + DEPARTMENT_SKILLED + ", '<=', " + DEPARTMENT_OFFICIALS
            + ", DATE '2025-12-10', 'run-fixture', 'run-fixture'),"
            + " ('UB-10507', '10507', 'month', '2025-11', 'VR01', 'high', 3.0, 'in', NULL, DATE '2025-12-10', 'run-fixture', 'run-fixture')",
        "unit_code, ward_code, period_type, period, rule_id, importance, left_value, operator, right_value, first_seen, first_seen_run, run_id");
    parquet(st, root.resolve("quality/report_outliers"),
        "('UB-10507', '10507', 'month', '2025-11', 'households_digital', " + WARD_OUTLIER + ", 'cumulative_fall', -5000.0, 9412.0,"
            + " NULL::DOUBLE, 6, 'run-fixture')",
        "unit_code, ward_code, period_type, period, metric_code, value, method, score, lower_bound, upper_bound, history_periods, run_id");
  }

  // One Parquet file part-0.parquet in {@code dir} of the rows (SQL VALUES) under the column names.
  private static void parquet(Statement st, Path dir, String rows, String columns) throws SQLException, IOException {
    Files.createDirectories(dir);
    st.execute("COPY (SELECT * FROM (VALUES " + rows + ") t(" + columns + ")) TO '" + dir.resolve("part-0.parquet") + "' (FORMAT parquet)");
  }

  /** cubes/target_projection of the fixture's cube, by the pipeline's own function, for every month. */
  private static void projections(Connection duck, Statement st, Path root) throws SQLException, IOException {
    List<TargetProjections.Figure> figures = new ArrayList<>();
    try (ResultSet r = st.executeQuery("SELECT month, ward_code, indicator_code, value, target_value::DOUBLE, target_year FROM cube"
        + " WHERE target_group = 'ALL' AND ward_code <> 'UNKNOWN'")) {
      while (r.next()) {
        figures.add(new TargetProjections.Figure(YearMonth.parse(r.getString(1)), r.getString(2), r.getString(3),
            (Double) r.getObject(4), (Double) r.getObject(5), (Integer) r.getObject(6)));
      }
    }
    TableContract contract = TableContract.load("output", "target_projection");
    st.execute("CREATE TABLE projection (" + contract.columns().stream()
        .map(c -> c.name() + " " + switch (c.type()) {
          case "double" -> "DOUBLE";
          case "int" -> "INTEGER";
          default -> "VARCHAR";
        }).collect(Collectors.joining(", ")) + ")");
    // An appender, not a batch of inserts: some thousand rows one statement each take seconds.
    try (DuckDBAppender appender = duck.unwrap(DuckDBConnection.class).createAppender("projection")) {
      for (List<Object> row : TargetProjections.project(figures, MONTHS.stream().map(YearMonth::parse).toList(), "run-fixture")) {
        appender.beginRow();
        for (Object value : row) {
          if (value == null) {
            appender.appendNull();
          } else if (value instanceof Double d) {
            appender.append(d);
          } else if (value instanceof Integer i) {
            appender.append(i);
          } else {
            appender.append((String) value);
          }
        }
        appender.endRow();
      }
    }
    for (String month : MONTHS) {
      Path dir = Files.createDirectories(root.resolve("cubes/target_projection/month=" + month));
      st.execute("COPY (SELECT * EXCLUDE (month) FROM projection WHERE month = '" + month + "') TO '"
          + dir.resolve("part-0.parquet") + "' (FORMAT parquet)");
    }
  }

  private static void setCity(Statement st, String indicator, String month, double value) throws SQLException {
    st.execute("UPDATE cube SET value = " + value + ", numerator = CASE WHEN unit = 'count' THEN " + value
        + " END WHERE ward_code = 'ALL' AND target_group = 'ALL' AND indicator_code = '" + indicator
        + "' AND month = '" + month + "'");
  }

  private static String sql(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
