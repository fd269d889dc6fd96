package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * SPEC §2: where two deliveries carry the same fact (a day's visits, an operator's month), the
 * one in the later folder wins. Rows need a {@code delivery_folder} column.
 */
public final class Redelivery {
  private Redelivery() {}

  /** Keeps, for each value of {@code keys}, only the rows of the latest delivery folder. */
  public static Dataset<Row> latestFolderPer(Dataset<Row> rows, String... keys) {
    Column[] partition = Arrays.stream(keys).map(k -> col(k)).toArray(Column[]::new);
    return rows
        .withColumn("_latest", max(col("delivery_folder")).over(Window.partitionBy(partition)))
        .filter(col("delivery_folder").equalTo(col("_latest")))
        .drop("_latest");
  }
}
