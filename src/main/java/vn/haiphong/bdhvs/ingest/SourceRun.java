package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.haiphong.bdhvs.runtime.JobContext;
import vn.haiphong.bdhvs.runtime.JobResult;

/**
 * What every ingest job does around its own rules: read each table's deliveries, write the staged
 * tables, and at the end write the source's rejects (unexpected files included) and return the
 * counts. An ingest job is then only its parsers and its set logic.
 */
public final class SourceRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SourceRun.class);
  private static final StructType REJECT_ROWS = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, true)
      .add("reason_code", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true);

  private final JobContext context;
  private final String source;
  private final List<ReadResult> reads = new ArrayList<>();
  private final Map<String, Long> written = new LinkedHashMap<>();

  public SourceRun(JobContext context, String source) {
    this.context = context;
    this.source = source;
  }

  /** Parses every delivery of {@code table} up to the run date. */
  public ReadResult read(String table, FileParser parser) {
    long t0 = System.nanoTime();
    ReadResult r = ExportReader.read(context.spark(), context.landing().of(table), parser);
    reads.add(r);
    LOG.info("{}: read {} files, {} rows, {} rejected, in {} ms", table, r.files().size(),
        r.counts().stream().mapToLong(FileCount::read).sum(), r.counts().stream().mapToLong(FileCount::rejected).sum(),
        (System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  /** Writes a staged table through its contract. */
  public long write(String table, Dataset<Row> rows) {
    long t0 = System.nanoTime();
    long n = context.warehouse().writeStaged(table, rows);
    written.put("staged/" + table, n);
    LOG.info("staged/{}: wrote {} rows in {} ms", table, n, (System.nanoTime() - t0) / 1_000_000);
    return n;
  }

  /** Writes the source's rejects and returns what the job did. */
  public JobResult finish() {
    Dataset<Row> rejects = unexpectedFiles();
    for (ReadResult r : reads) {
      rejects = rejects.unionByName(r.rejects());
    }
    rejects = rejects.persist();
    long n = context.warehouse().writeRejects(source, context.runId(), rejects);
    written.put("rejects/" + source, n);
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (Row r : rejects.groupBy(col("reason_code")).count().orderBy(col("reason_code")).collectAsList()) {
      byReason.put(r.getString(0), r.getLong(1));
    }
    rejects.unpersist();

    List<JobResult.FileResult> files = new ArrayList<>();
    for (ReadResult r : reads) {
      Map<String, FileCount> counts = new LinkedHashMap<>();
      r.counts().forEach(c -> counts.put(c.path(), c));
      for (Delivery d : r.files()) {
        // A file that yields no row at all (possible only for an empty JSON Lines file) still counts.
        FileCount c = counts.getOrDefault(d.path(), FileCount.nothing(d.path(), null));
        files.add(new JobResult.FileResult(d, c));
      }
    }
    for (Delivery d : context.landing().unexpected(source)) {
      files.add(new JobResult.FileResult(d, FileCount.nothing(d.path(), RejectReason.FILE_UNEXPECTED.code())));
    }
    return new JobResult(source, files, written, byReason);
  }

  @Override
  public void close() {
    reads.forEach(ReadResult::close);
  }

  private Dataset<Row> unexpectedFiles() {
    List<Row> rows = new ArrayList<>();
    for (Delivery d : context.landing().unexpected(source)) {
      rows.add(RowFactory.create(d.path(), null, RejectReason.FILE_UNEXPECTED.code(),
          "the file does not fit the landing layout of SPEC §2 (e.g. contest/<yyyy-MM-dd>/registrations.csv); "
              + "it was not read"));
    }
    return context.spark().createDataFrame(rows, REJECT_ROWS);
  }
}
