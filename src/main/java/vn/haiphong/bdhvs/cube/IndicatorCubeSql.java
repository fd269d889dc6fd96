package vn.haiphong.bdhvs.cube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.Sql;

/**
 * The indicator cube computed by DuckDB instead of Spark, from the same staged Parquet and the same
 * {@link ReferenceFrames}: the yardstick of the cube build's speed (issue 5: Spark within 2× of
 * DuckDB) and a second implementation of the rules that the benchmark and the tests hold equal to
 * Spark's, row for row. The rules live in {@code indicator_cube.sql}.
 */
public final class IndicatorCubeSql {
  static final List<String> STAGED = List.of("contest_registrations", "contest_visits", "lms_enrolment_history",
      "mooc_statements", "telecom_operator", "telecom_speedtest", "unit_reports", "unit_report_metrics");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_0-9]+)}");

  private IndicatorCubeSql() {}

  /**
   * Creates table {@code table} holding the cube of {@code ref.months()}, in contract column order,
   * over the staged tables of the warehouse at local folder {@code root}; returns its row count.
   * The connection gets the staged views and reference tables too (an in-memory database suits).
   */
  public static long build(Connection connection, Path root, CubeReference ref, String table) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String staged : STAGED) {
        String files = root.toAbsolutePath().resolve("staged").resolve(staged) + "/*.parquet";
        s.execute("CREATE OR REPLACE VIEW staged_" + staged + " AS SELECT * FROM read_parquet("
            + Sql.literal(files) + ", hive_partitioning = false)");
      }
      for (ReferenceFrames.Frame frame : ReferenceFrames.all(ref)) {
        load(connection, frame);
      }
      s.execute("CREATE OR REPLACE TABLE " + table + " AS " + query(ref));
      try (var r = s.executeQuery("SELECT count(*) FROM " + table)) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** How two cubes compare: rows on each side, keys on one side only, rows whose figures differ, a few examples. */
  public record Comparison(long leftRows, long rightRows, long onlyLeft, long onlyRight, long differing,
      List<String> examples) {
    public boolean equal() {
      return onlyLeft == 0 && onlyRight == 0 && differing == 0;
    }
  }

  /**
   * Compares two cube relations (a table name or a {@code read_parquet(...)}) row for row on the
   * contract's key, every column but run_id. Doubles may differ in the last bits — Spark and DuckDB
   * sum in different orders — so they are equal within a relative 1e-9.
   */
  public static Comparison compare(Connection connection, String left, String right) throws SQLException {
    TableContract contract = IndicatorCube.CONTRACT;
    String on = contract.keys().stream().map(k -> "l." + k + " = r." + k).collect(Collectors.joining(" AND "));
    String differs = contract.columns().stream()
        .filter(c -> !contract.keys().contains(c.name()) && !c.name().equals("run_id"))
        .map(c -> c.type().equals("double")
            ? "(l.%1$s IS NULL) <> (r.%1$s IS NULL) OR abs(l.%1$s - r.%1$s) > 1e-9 * greatest(1, abs(l.%1$s), abs(r.%1$s))"
                .formatted(c.name())
            : "l.%1$s IS DISTINCT FROM r.%1$s".formatted(c.name()))
        .collect(Collectors.joining(" OR "));
    String key = contract.keys().stream().map(k -> "coalesce(l." + k + ", r." + k + ")")
        .collect(Collectors.joining(" || ' ' || "));
    String sql = "WITH j AS (SELECT l.month IS NULL AS only_right, r.month IS NULL AS only_left, coalesce(" + differs
        + ", false) AS differs, " + key + " AS cell FROM (" + relation(left) + ") l FULL OUTER JOIN ("
        + relation(right) + ") r ON " + on + ") "
        + "SELECT (SELECT count(*) FROM (" + relation(left) + ")), (SELECT count(*) FROM (" + relation(right) + ")), "
        + "count(*) FILTER (WHERE only_left), count(*) FILTER (WHERE only_right), "
        + "count(*) FILTER (WHERE differs AND NOT only_left AND NOT only_right), "
        + "list(cell ORDER BY cell) FILTER (WHERE only_left OR only_right OR differs)[1:5] FROM j";
    try (Statement s = connection.createStatement(); var r = s.executeQuery(sql)) {
      r.next();
      java.sql.Array found = r.getArray(6);
      Object[] examples = found == null ? new Object[0] : (Object[]) found.getArray();
      return new Comparison(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
          java.util.Arrays.stream(examples).map(String::valueOf).toList());
    }
  }

  private static String relation(String tableOrCall) {
    return "SELECT * FROM " + tableOrCall;
  }

  /** The cube query with the Java constants it shares with Spark's build filled in. */
  static String query(CubeReference ref) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("all", Sql.literal(Rollup.ALL));
    values.put("unknown", Sql.literal(WardDirectory.UNKNOWN));
    values.put("resident", Sql.literal(TargetGroup.RESIDENT.code()));
    values.put("city_only", Sql.literal(Indicator.CITY_ONLY));
    values.put("ward_count", Integer.toString(ref.wardCount()));
    values.put("covered_4g_pct", Double.toString(TelecomFacts.COVERED_4G_PCT));
    values.put("kbps_per_mbps", Double.toString(TelecomFacts.KBPS_PER_MBPS));
    values.put("off_track_points", Double.toString(TargetStatus.OFF_TRACK_POINTS));
    values.put("no_target", Sql.literal(TargetStatus.NO_TARGET));
    values.put("achieved", Sql.literal(TargetStatus.ACHIEVED));
    values.put("on_track", Sql.literal(TargetStatus.ON_TRACK));
    values.put("at_risk", Sql.literal(TargetStatus.AT_RISK));
    values.put("off_track", Sql.literal(TargetStatus.OFF_TRACK));
    values.put("run_id", Sql.literal(ref.runId()));
    Matcher m = PLACEHOLDER.matcher(text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("indicator_cube.sql uses an unknown placeholder ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static String text() {
    try (InputStream in = IndicatorCubeSql.class.getResourceAsStream("indicator_cube.sql")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read indicator_cube.sql from the jar", e);
    }
  }

  /** A reference frame as a table, appended row by row (the appender, not INSERTs: tens of thousands of cells). */
  private static void load(Connection connection, ReferenceFrames.Frame frame) throws SQLException {
    String columns = java.util.Arrays.stream(frame.schema().fields())
        .map(f -> f.name() + " " + Sql.type(f.dataType().simpleString())).collect(Collectors.joining(", "));
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE OR REPLACE TABLE " + frame.name() + " (" + columns + ")");
    }
    StructField[] fields = frame.schema().fields();
    try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(frame.name())) {
      for (Row row : frame.rows()) {
        appender.beginRow();
        for (int i = 0; i < fields.length; i++) {
          append(appender, fields[i].dataType(), row.isNullAt(i) ? null : row.get(i));
        }
        appender.endRow();
      }
    }
  }

  private static void append(DuckDBAppender appender, DataType type, Object value) throws SQLException {
    if (value == null) {
      appender.appendNull();
    } else if (type.equals(DataTypes.StringType)) {
      appender.append((String) value);
    } else if (type.equals(DataTypes.IntegerType)) {
      appender.append((int) (Integer) value);
    } else if (type.equals(DataTypes.DoubleType)) {
      appender.append((double) (Double) value);
    } else if (type.equals(DataTypes.BooleanType)) {
      appender.append((boolean) (Boolean) value);
    } else if (type.equals(DataTypes.DateType)) {
      appender.append(((Date) value).toLocalDate());
    } else {
      throw new IllegalStateException("no DuckDB column for " + type.simpleString());
    }
  }
}
