package vn.haiphong.bdhvs.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The one place Spark is configured, for the CLI and the tests alike. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session on {@code master} ({@code local[*]} by default). Under spark-submit, pass null:
   * spark-submit's own master and settings then stand.
   */
  public static SparkSession create(String master, int shufflePartitions) {
    SparkSession.Builder builder = SparkSession.builder().appName("bdhvs");
    if (master != null) {
      builder = builder.master(master);
    }
    for (Map.Entry<String, String> e : settings(shufflePartitions).entrySet()) {
      builder = builder.config(e.getKey(), e.getValue());
    }
    return builder.getOrCreate();
  }

  /** bdhvs's Spark settings; what the results depend on is here, not in a launcher script. */
  public static Map<String, String> settings(int shufflePartitions) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spark.ui.enabled", "false");
    s.put("spark.ui.showConsoleProgress", "false");
    s.put("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
    s.put("spark.sql.adaptive.enabled", "true");
    // Dates and months in the data are Hải Phòng's; instants stay instants.
    s.put("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh");
    // INT96 is legacy: DuckDB and BI tools read standard microsecond timestamps.
    s.put("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    s.put("spark.sql.parquet.compression.codec", "zstd");
    return s;
  }
}
