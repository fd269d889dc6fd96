package vn.haiphong.bdhvs.cube;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.warehouse.Sql;

/**
 * The indicator cube computed by DuckDB instead of Spark, from the same staged Parquet, the same
 * {@link ReferenceFrames} and the same SQL ({@link CubeSql}): the yardstick of the cube build's speed
 * (issue 5: Spark within 2× of DuckDB) and the tests' second engine, held equal to Spark's row for row.
 */
public final class IndicatorCubeSql {
  private IndicatorCubeSql() {}

  /**
   * Creates table {@code table} holding the cube of {@code ref.months()}, in contract column order,
   * over the staged tables of the warehouse at local folder {@code root}; returns its row count.
   * The connection gets the staged views, reference tables and the cube's relations too (an
   * in-memory database suits).
   */
  public static long build(Connection connection, Path root, CubeReference ref, String table) throws SQLException {
    try (Statement s = connection.createStatement()) {
      for (String staged : CubeInputs.TABLES) {
        String files = root.toAbsolutePath().resolve("staged").resolve(staged) + "/*.parquet";
        s.execute("CREATE OR REPLACE VIEW staged_" + staged + " AS SELECT * FROM read_parquet("
            + Sql.literal(files) + ", hive_partitioning = false)");
      }
      DuckDbCubeEngine engine = new DuckDbCubeEngine(connection);
      CubeSql.run(engine, ref);
      s.execute("CREATE OR REPLACE TABLE " + table + " AS SELECT "
          + String.join(", ", IndicatorCube.CONTRACT.columnNames()) + " FROM " + CubeSql.CUBE);
      try (var r = s.executeQuery("SELECT count(*) FROM " + table)) {
        r.next();
        return r.getLong(1);
      }
    }
  }

  /** The cube's SQL run by DuckDB: a relation read by several statements is a table, computed once; the others views. */
  record DuckDbCubeEngine(Connection connection) implements CubeEngine {
    @Override
    public void load(ReferenceFrames.Frame frame) {
      try {
        IndicatorCubeSql.load(connection, frame);
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB cannot load " + frame.name() + ": " + e.getMessage(), e);
      }
    }

    @Override
    public void define(CubeSql.Step step) {
      try (Statement s = connection.createStatement()) {
        s.execute("CREATE OR REPLACE " + (step.reused() ? "TABLE " : "VIEW ") + step.relation() + " AS " + step.sql());
      } catch (SQLException e) {
        throw new IllegalStateException("DuckDB cannot run the cube's " + step.relation() + ": " + e.getMessage(), e);
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

  /** A reference frame as a table, appended row by row (the appender, not INSERTs: tens of thousands of cells). */
  static void load(Connection connection, ReferenceFrames.Frame frame) throws SQLException {
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
