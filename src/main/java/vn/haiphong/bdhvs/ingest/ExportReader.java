package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.landing.DeliveredFiles;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.FileCount;
import vn.haiphong.bdhvs.landing.Landing;

/**
 * Reads delivered files with Spark and parses them on the executors: each task opens its files
 * by URI ({@link DeliveredFiles}: local disk, HDFS or S3 alike, under their exact names, never
 * globbed) and a {@link FileParser} turns each into {@link ParsedRows}. One pass yields the
 * accepted rows, the rejects and the per-file counts. A file larger than the
 * {@link IngestLimits} is rejected whole without being read into memory. Bytes that are no longer
 * those the landing scan hashed (a file still being copied when the run started) are not parsed:
 * the file is rejected as changed, and read again by the next run.
 */
public final class ExportReader {
  private ExportReader() {}

  /**
   * The parsed rows of some files, lazily: every action parses the files again, so write them once
   * (a segment of the {@link ParsedStore}) and count from what was written, {@link #countPerFile}.
   */
  public static Dataset<Row> read(SparkSession spark, List<Delivery> files, FileParser parser) {
    StructType parsedSchema = ParsedRows.schema(parser.schema());
    if (files.isEmpty()) {
      return spark.createDataFrame(List.of(), parsedSchema);
    }
    long maxBytes = IngestLimits.of(spark).maxFileBytes();
    DeliveredFiles opener = new DeliveredFiles(spark.sparkContext().hadoopConfiguration());
    int slices = Math.min(files.size(), 4 * spark.sparkContext().defaultParallelism());
    JavaRDD<Row> rows = JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(balanced(files, slices), slices)
        .flatMap(d -> parse(parser, d, opener, maxBytes).iterator());
    return spark.createDataFrame(rows, parsedSchema);
  }

  /** The files dealt out largest first, one to each slice in turn, so that slices hold alike bytes. */
  private static List<Delivery> balanced(List<Delivery> files, int slices) {
    List<Delivery> bySize = files.stream().sorted(Comparator.comparingLong(Delivery::bytes).reversed()).toList();
    List<Delivery> dealt = new ArrayList<>();
    for (int slice = 0; slice < slices; slice++) {
      for (int i = slice; i < bySize.size(); i += slices) {
        dealt.add(bySize.get(i));
      }
    }
    return dealt;
  }

  private static List<Row> parse(FileParser parser, Delivery delivery, DeliveredFiles opener, long maxBytes)
      throws IOException {
    ParsedRows.Sink sink = new ParsedRows.Sink(delivery.path(), parser.schema());
    byte[] content = delivery.bytes() > maxBytes ? null : opener.readAtMost(delivery.uri(), maxBytes);
    if (content == null) {
      sink.rejectFile(RejectReason.FILE_TOO_LARGE, "the file has " + delivery.bytes() + " bytes; expected at most "
          + maxBytes + " (" + IngestLimits.MAX_FILE_BYTES + "); it was not read", 0);
    } else if (!Landing.sha256(content).equals(delivery.sha256())) {
      sink.rejectFile(RejectReason.FILE_CHANGED, "the file's bytes changed after the landing scan hashed them "
          + "(still being delivered?); it was not read, and the next run reads it again", 0);
    } else {
      parser.parse(delivery, content, sink);
    }
    return sink.rows();
  }

  /** Per file of {@code parsed} (rows as {@link #read} gives them), what it held: read, accepted, rejected, notes, flags. */
  public static List<FileCount> countPerFile(Dataset<Row> parsed) {
    List<FileCount> counts = new ArrayList<>();
    Dataset<Row> perFile = parsed.groupBy(col(ParsedRows.FILE)).agg(
        sum(col(ParsedRows.ROWS)).as("read"),
        sum(when(col(ParsedRows.KIND).equalTo(ParsedRows.ACCEPTED), col(ParsedRows.ROWS)).otherwise(lit(0L))).as("accepted"),
        sum(when(col(ParsedRows.KIND).isin(ParsedRows.REJECTED, ParsedRows.FILE_REJECTED), col(ParsedRows.ROWS)).otherwise(lit(0L))).as("rejected"),
        org.apache.spark.sql.functions.max(when(col(ParsedRows.KIND).equalTo(ParsedRows.FILE_REJECTED), col(ParsedRows.REASON))).as("file_reason"),
        org.apache.spark.sql.functions.collect_list(when(col(ParsedRows.KIND).equalTo(ParsedRows.NOTE), col(ParsedRows.DETAIL))).as("notes"))
        .orderBy(col(ParsedRows.FILE));
    Map<String, Map<String, Long>> flags = flagsPerFile(parsed);
    for (Row r : perFile.collectAsList()) {
      counts.add(new FileCount(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3),
          r.getString(4), r.getList(5), flags.getOrDefault(r.getString(0), Map.of())));
    }
    return counts;
  }

  private static Map<String, Map<String, Long>> flagsPerFile(Dataset<Row> parsed) {
    Map<String, Map<String, Long>> out = new HashMap<>();
    if (!java.util.Arrays.asList(parsed.columns()).contains("quality_flags")) {
      return out;
    }
    Dataset<Row> flags = parsed.filter(col(ParsedRows.KIND).equalTo(ParsedRows.ACCEPTED))
        .select(col(ParsedRows.FILE), explode(col("quality_flags")).as("flag"))
        .select(col(ParsedRows.FILE), substring_index(col("flag"), ":", 1).as("flag"))
        .groupBy(col(ParsedRows.FILE), col("flag")).count();
    for (Row r : flags.collectAsList()) {
      out.computeIfAbsent(r.getString(0), k -> new java.util.TreeMap<>()).put(r.getString(1), r.getLong(2));
    }
    return out;
  }
}
