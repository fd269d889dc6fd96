package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * docs/specification.md §2: where two deliveries carry the same fact (a day's visits, an operator's month), the
 * one in the later folder wins. Rows need a {@code delivery_folder} column.
 */
public final class Redelivery {
  private Redelivery() {}

  /**
   * Keeps one row per value of {@code keys}: the last line of the last file. Landing paths start
   * with their delivery folder, so the last file is also the latest delivery. Rows need
   * {@code source_file} and {@code source_line}.
   */
  public static Dataset<Row> lastRowPer(Dataset<Row> rows, Column... keys) {
    return rows
        .withColumn("_last", row_number().over(Window.partitionBy(keys)
            .orderBy(col("source_file").desc(), col("source_line").desc())))
        .filter(col("_last").equalTo(1))
        .drop("_last");
  }

  /** Keeps, for each value of {@code keys}, only the rows of the latest delivery folder. */
  public static Dataset<Row> latestFolderPer(Dataset<Row> rows, String... keys) {
    Column[] partition = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
    return rows
        .withColumn("_latest", max(col("delivery_folder")).over(Window.partitionBy(partition)))
        .filter(col("delivery_folder").equalTo(col("_latest")))
        .drop("_latest");
  }
}
