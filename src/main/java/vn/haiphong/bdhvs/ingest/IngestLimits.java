package vn.haiphong.bdhvs.ingest;

import java.io.Serializable;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.errors.UserError;

/**
 * How much one delivered file may hold, as read (decompressed for {@code .gz}): a file past
 * {@code maxFileBytes} is rejected whole ({@code file_too_large}) instead of filling the heap, a
 * JSON line past {@code maxLineBytes} is rejected alone. Set as Spark settings
 * ({@code --conf spark.bdhvs.maxFileBytes=…}, or {@code -Dspark.bdhvs.maxFileBytes=…} in
 * BDHVS_JAVA_OPTS); the defaults fit the default 4 GiB heap with two files parsed at once.
 */
public record IngestLimits(long maxFileBytes, int maxLineBytes) implements Serializable {
  public static final String MAX_FILE_BYTES = "spark.bdhvs.maxFileBytes";
  public static final String MAX_LINE_BYTES = "spark.bdhvs.maxLineBytes";
  public static final IngestLimits DEFAULTS = new IngestLimits(256L << 20, 64 << 10);

  public static IngestLimits of(SparkSession spark) {
    return new IngestLimits(setting(spark, MAX_FILE_BYTES, DEFAULTS.maxFileBytes, Long.MAX_VALUE - 1),
        (int) setting(spark, MAX_LINE_BYTES, DEFAULTS.maxLineBytes, Integer.MAX_VALUE - 1));
  }

  /** What parsed rows depend on beyond the code: empty for the defaults, so ledgers stay as they were. */
  String fingerprint() {
    return equals(DEFAULTS) ? "" : "+limits=" + maxFileBytes + "/" + maxLineBytes;
  }

  private static long setting(SparkSession spark, String key, long fallback, long most) {
    String value = spark.conf().get(key, String.valueOf(fallback)).trim();
    try {
      long n = Long.parseLong(value);
      if (n > 0 && n <= most) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(key + " is '" + value + "'; expected a number of bytes from 1 to " + most);
  }
}
