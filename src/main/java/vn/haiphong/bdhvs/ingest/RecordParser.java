package vn.haiphong.bdhvs.ingest;

import java.io.Serializable;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.landing.Delivery;

/**
 * Types one record of a source — a CSV row's {@link RecordFields}, or a JSON object — into the
 * values of its staged table's parsed columns. Plain Java, so every rule is unit-testable without
 * Spark; Spark ships it to the executors.
 *
 * @param <R> what one record is, as the file parser hands it over
 */
public abstract class RecordParser<R> implements Serializable {
  private final StructType schema;

  protected RecordParser(StructType schema) {
    this.schema = schema;
  }

  /** The parsed columns of a staged table: its contract without the columns set logic derives. */
  protected static StructType parsedColumnsOf(String stagedTable) {
    return TableContract.load("staged", stagedTable).parsedSchema();
  }

  public final StructType schema() {
    return schema;
  }

  /** The values of {@link #schema()}, in order; quality flags go in a {@code quality_flags} column. */
  public abstract Object[] parse(R record, Delivery file) throws RecordRejected;
}
