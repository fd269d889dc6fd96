package vn.haiphong.bdhvs.ingest;

import java.io.Serializable;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.landing.Delivery;

/**
 * Turns the bytes of one delivered file into parsed rows: accepted records, rejected records, a
 * rejected file or notes. Runs on the executors, so it must be serializable and free of Spark.
 */
public interface FileParser extends Serializable {
  /** The typed columns of an accepted record. */
  StructType schema();

  void parse(Delivery file, byte[] content, ParsedRows.Sink out);
}
