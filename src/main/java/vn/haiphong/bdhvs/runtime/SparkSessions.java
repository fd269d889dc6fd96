package vn.haiphong.bdhvs.runtime;

import org.apache.spark.sql.SparkSession;

/** The one place the SparkSession is configured, for the CLI and the tests alike. */
public final class SparkSessions {
  private SparkSessions() {}

  /**
   * A session on {@code master} ({@code local[*]} by default). On a cluster spark-submit's
   * settings win: {@code getOrCreate} keeps an existing session's master.
   */
  public static SparkSession create(String master, int shufflePartitions) {
    SparkSession.Builder builder = SparkSession.builder().appName("bdhvs");
    if (master != null) {
      builder = builder.master(master);
    }
    return configure(builder, shufflePartitions).getOrCreate();
  }

  public static SparkSession.Builder configure(SparkSession.Builder builder, int shufflePartitions) {
    return builder
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions))
        .config("spark.sql.adaptive.enabled", "true")
        // Dates and months in the data are Hải Phòng's; instants stay instants.
        .config("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh")
        // INT96 is legacy: DuckDB and BI tools read standard microsecond timestamps.
        .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
        .config("spark.sql.parquet.compression.codec", "zstd");
  }
}
