package vn.haiphong.bdhvs.reference;

import java.util.regex.Pattern;

/** The Spark SQL types a reference column may declare, and which written values each accepts. */
enum ColumnType {
  STRING("string", ".*"),
  INT("int", "-?\\d{1,9}"),
  BIGINT("bigint", "-?\\d{1,18}"),
  DOUBLE("double", "-?\\d+(\\.\\d+)?"),
  BOOLEAN("boolean", "true|false");

  private final String sqlName;
  private final Pattern written;

  ColumnType(String sqlName, String written) {
    this.sqlName = sqlName;
    this.written = Pattern.compile(written, Pattern.DOTALL);
  }

  boolean accepts(String value) {
    return written.matcher(value).matches();
  }

  static ColumnType of(String sqlName, String file) {
    for (ColumnType type : values()) {
      if (type.sqlName.equals(sqlName)) {
        return type;
      }
    }
    throw new IllegalArgumentException(file + ": contract declares type '" + sqlName
        + "', expected one of string, int, bigint, double, boolean");
  }
}
