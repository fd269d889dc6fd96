package vn.haiphong.bdhvs.ingest;

import java.io.Serializable;
import org.apache.spark.sql.types.StructType;

/** Types one CSV row of a source: plain Java, so every rule is unit-testable without Spark. */
public interface CsvRowParser extends Serializable {
  StructType schema();

  /** The values of {@link #schema()}, in order; quality flags go in a {@code quality_flags} column. */
  Object[] parse(RecordFields fields, Delivery file) throws RecordRejected;
}
