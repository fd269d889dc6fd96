package vn.haiphong.bdhvs.runtime;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.errors.UserError;

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
      // spark-submit ships its application jar (and sets spark.jars); a cluster named here gets
      // the jar bdhvs runs from, or its executors would not find bdhvs's classes.
      if (!master.startsWith("local") && System.getProperty("spark.jars") == null) {
        URL classes = SparkSessions.class.getProtectionDomain().getCodeSource().getLocation();
        builder = builder.config("spark.jars", applicationJar(classes));
      }
    }
    for (Map.Entry<String, String> e : settings(shufflePartitions).entrySet()) {
      builder = builder.config(e.getKey(), e.getValue());
    }
    return builder.getOrCreate();
  }

  /** The jar at {@code location}, where bdhvs's classes come from; a class folder cannot be shipped to executors. */
  static String applicationJar(URL location) {
    Path path;
    try {
      path = Path.of(location.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bdhvs's classes come from " + location, e);
    }
    if (!Files.isRegularFile(path)) {
      throw new UserError("a cluster master needs bdhvs as a jar to ship to the executors, but this bdhvs runs from"
          + " the class folder " + path + "; build target/bdhvs-cluster.jar (mvn -Pcluster -DskipTests package)"
          + " and submit it with spark-submit, or run without --master for local mode");
    }
    return path.toString();
  }

  /** bdhvs's Spark settings; what the results depend on is here, not in a launcher script. */
  public static Map<String, String> settings(int shufflePartitions) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spark.ui.enabled", "false");
    s.put("spark.ui.showConsoleProgress", "false");
    s.put("spark.sql.shuffle.partitions", String.valueOf(shufflePartitions));
    s.put("spark.sql.adaptive.enabled", "true");
    // The cubes' big aggregations have a key per person and cell (millions): the small first-level
    // map of the two-level one overflows at once and every row is then looked up in both maps.
    s.put("spark.sql.codegen.aggregate.map.twolevel.enabled", "false");
    // One night compiles ~290 generated classes, more than the default cache of 100: a backfill
    // (several nights in one JVM) would compile them all again each night.
    s.put("spark.sql.codegen.cache.maxEntries", "1000");
    // Dates and months in the data are Hải Phòng's; instants stay instants.
    s.put("spark.sql.session.timeZone", "Asia/Ho_Chi_Minh");
    // INT96 is legacy: DuckDB and BI tools read standard microsecond timestamps.
    s.put("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    s.put("spark.sql.parquet.compression.codec", "zstd");
    return s;
  }
}
