package vn.haiphong.bdhvs.warehouse;

import java.util.Map;

/** Writing DuckDB SQL text: quoted literals and identifiers, and contract types in DuckDB's words. */
public final class Sql {
  private Sql() {}

  // Contract columns carry Spark SQL types; these are the ones the warehouse tables use.
  private static final Map<String, String> TYPES = Map.of(
      "string", "VARCHAR",
      "bigint", "BIGINT",
      "int", "INTEGER",
      "double", "DOUBLE",
      "boolean", "BOOLEAN",
      "date", "DATE",
      // Spark writes instants as UTC-adjusted TIMESTAMP_MICROS (SparkSessions), which DuckDB reads as TIMESTAMPTZ.
      "timestamp", "TIMESTAMPTZ",
      "array<string>", "VARCHAR[]");

  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  public static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  public static String type(String contractType) {
    String type = TYPES.get(contractType);
    if (type == null) {
      throw new IllegalStateException("no DuckDB type for contract type '" + contractType + "'");
    }
    return type;
  }
}
