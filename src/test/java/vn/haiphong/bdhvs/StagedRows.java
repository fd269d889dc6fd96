package vn.haiphong.bdhvs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * Tiny DataFrames in the shape a parser hands to a set-logic step: the staged contract's parsed
 * columns plus {@code source_line}. Rows name only the columns a test cares about; the rest are null.
 */
public final class StagedRows {
  private final StructType schema;
  private final List<Row> rows = new ArrayList<>();

  private StagedRows(StructType schema) {
    this.schema = schema;
  }

  /** The parsed columns of {@code schemas/staged/<table>.json} and {@code source_line}. */
  public static StagedRows of(String table) {
    return of(TableContract.load("staged", table).parsedSchema());
  }

  /**
   * Every column of {@code schemas/staged/<table>.json}, derived ones included, all nullable: the
   * staged table as a downstream job (the cubes) reads it.
   */
  public static StagedRows staged(String table) {
    StructType schema = new StructType();
    for (var f : TableContract.load("staged", table).sparkSchema().fields()) {
      schema = schema.add(f.name(), f.dataType(), true);
    }
    return new StagedRows(schema);
  }

  /** {@code parsed} and {@code source_line}, for parsers that add columns to the contract's. */
  public static StagedRows of(StructType parsed) {
    return new StagedRows(parsed.add("source_line", DataTypes.LongType, true));
  }

  /** Adds a row from column name / value pairs: {@code row("date", d, "visits", 5L)}; no quality flags unless named. */
  public StagedRows row(Object... namesAndValues) {
    Object[] values = new Object[schema.size()];
    if (schema.getFieldIndex("quality_flags").isDefined()) {
      values[schema.fieldIndex("quality_flags")] = new String[0];
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      values[schema.fieldIndex((String) namesAndValues[i])] = namesAndValues[i + 1];
    }
    rows.add(RowFactory.create(values));
    return this;
  }

  public Dataset<Row> frame(SparkSession spark) {
    return spark.createDataFrame(rows, schema);
  }

  /** A copy of {@code pairs} with more pairs appended: a base row shared by several rows of a test. */
  public static Object[] with(Object[] pairs, Object... more) {
    Object[] all = Arrays.copyOf(pairs, pairs.length + more.length);
    System.arraycopy(more, 0, all, pairs.length, more.length);
    return all;
  }

  public static java.sql.Date date(String iso) {
    return java.sql.Date.valueOf(iso);
  }

  public static java.sql.Timestamp instant(String iso) {
    return java.sql.Timestamp.from(java.time.OffsetDateTime.parse(iso).toInstant());
  }
}
