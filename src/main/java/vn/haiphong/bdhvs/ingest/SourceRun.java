package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.contract.TableContract;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.FileCount;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.warehouse.Ledger;

/**
 * What every ingest job does around its own rules: read each table's deliveries (parsing only the
 * ones the warehouse does not hold yet, see {@link ParsedStore}), write the staged tables whose
 * deliveries changed, and at the end write the source's rejects (unexpected files included) and
 * return the counts of the files read. An ingest job is then only its parsers and its set logic.
 */
public final class SourceRun {
  private static final Logger LOG = LoggerFactory.getLogger(SourceRun.class);
  private static final StructType REJECT_ROWS = new StructType()
      .add("file", DataTypes.StringType, false)
      .add("line", DataTypes.LongType, true)
      .add("reason_code", DataTypes.StringType, false)
      .add("detail", DataTypes.StringType, true)
      .add("run_id", DataTypes.StringType, false);
  private static final String UNEXPECTED_DETAIL = "the file does not fit the landing layout of docs/specification.md §2 "
      + "(e.g. contest/<yyyy-MM-dd>/registrations.csv); it was not read";

  public static final String MONTH = "month";

  private final IngestContext context;
  private final String source;
  private final ParsedStore store;
  private final List<ReadResult> reads = new ArrayList<>();
  private final Map<String, Long> written = new LinkedHashMap<>();

  public SourceRun(IngestContext context, String source) {
    this.context = context;
    this.source = source;
    this.store = new ParsedStore(context);
  }

  /** Every delivery of {@code table} up to the run date and held from earlier runs, parsed. */
  public ReadResult read(String table, FileParser parser) {
    return read(table, parser, "");
  }

  /** As {@link #read(String, FileParser)}, for a parser that also depends on {@code dependsOn} (a fingerprint). */
  public ReadResult read(String table, FileParser parser, String dependsOn) {
    long t0 = System.nanoTime();
    ReadResult r = store.read(table, parser, dependsOn);
    reads.add(r);
    LOG.info("{}: parsed {} files, {} rows, {} rejected, in {} ms", table, r.files().size(),
        r.counts().stream().mapToLong(FileCount::read).sum(), r.counts().stream().mapToLong(FileCount::rejected).sum(),
        (System.nanoTime() - t0) / 1_000_000);
    return r;
  }

  /**
   * Writes a staged table through its contract — unless none of the reads it is made {@code from}
   * changed and the warehouse already has it: then the published table is what this run would
   * write, and it stays. Returns whether it was written.
   */
  public boolean write(String table, Dataset<Row> rows, ReadResult... from) {
    if (Arrays.stream(from).noneMatch(ReadResult::changed)
        && context.run().warehouse().published("staged/" + table).isPresent()) {
      LOG.info("staged/{}: no delivery changed, kept as published", table);
      return false;
    }
    long t0 = System.nanoTime();
    long n = context.run().warehouse().writeStaged(table, rows);
    written.put("staged/" + table, n);
    LOG.info("staged/{}: wrote {} rows in {} ms", table, n, (System.nanoTime() - t0) / 1_000_000);
    return true;
  }

  /**
   * Records in the ledger the earliest month whose cube figures this run's changes to {@code read}
   * can move: the month of staged {@code table}'s rows ({@link TableContract#rowMonth()}), taken over
   * the rows read now and the rows they replace. The cube job rebuilds from there on.
   */
  public void recordChangedMonths(ReadResult read, String table) {
    if (read.changed()) {
      Column month = TableContract.load("staged", table).rowMonth().orElseThrow(() -> new IllegalStateException(
          "staged/" + table + " declares no monthColumn: its rows count in no cube month"));
      recordChangedMonths(read.acceptedChanged().select(month.as(MONTH)));
    }
  }

  /** As {@link #recordChangedMonths(ReadResult, String)}, from months worked out by the job (a {@code month} column). */
  public void recordChangedMonths(Dataset<Row> months) {
    Row earliest = months.agg(min(col(MONTH))).first();
    if (!earliest.isNullAt(0)) {
      context.ledger().factsChanged(YearMonth.parse(earliest.getString(0)));
    }
  }

  /** Writes the source's rejects (when anything of the source changed) and returns what the job read. */
  public JobResult finish() {
    List<JobResult.FileResult> unexpected = new ArrayList<>();
    Dataset<Row> rejectsThisRun = unexpectedFiles(recordUnexpected(unexpected));
    Dataset<Row> rejects = unexpectedFiles(context.ledger().of(Landing.UNEXPECTED).stream()
        .filter(e -> e.source().equals(source)).toList());
    for (ReadResult r : reads) {
      rejects = rejects.unionByName(r.rejects());
      rejectsThisRun = rejectsThisRun.unionByName(r.rejectsThisRun());
    }
    boolean changed = !unexpected.isEmpty() || reads.stream().anyMatch(ReadResult::changed);
    if (changed || context.run().warehouse().published("rejects/" + source).isEmpty()) {
      written.put("rejects/" + source, context.run().warehouse().writeRejects(source, rejects));
    }
    Map<String, Long> byReason = new LinkedHashMap<>();
    if (changed) {
      for (Row r : rejectsThisRun.groupBy(col("reason_code")).count().orderBy(col("reason_code")).collectAsList()) {
        byReason.put(r.getString(0), r.getLong(1));
      }
    }

    List<JobResult.FileResult> files = new ArrayList<>();
    for (ReadResult r : reads) {
      Map<String, FileCount> counts = new LinkedHashMap<>();
      r.counts().forEach(c -> counts.put(c.path(), c));
      for (Delivery d : r.files()) {
        // A file that yields no row at all (possible only for an empty JSON Lines file) still counts.
        FileCount c = counts.getOrDefault(d.path(), FileCount.nothing(d.path(), null));
        files.add(new JobResult.FileResult(d, c, r.because().get(d.path())));
      }
    }
    files.addAll(unexpected);
    return new JobResult(source, files, written, byReason);
  }

  /** Unexpected files the ledger does not hold with these bytes yet: recorded, and listed among the files read. */
  private List<Ledger.Entry> recordUnexpected(List<JobResult.FileResult> files) {
    List<Ledger.Entry> recorded = new ArrayList<>();
    for (Delivery d : context.landing().unexpected(source)) {
      var held = context.ledger().entry(d.path());
      if (held.isPresent() && held.get().sha256().equals(d.sha256())) {
        continue;
      }
      FileCount none = FileCount.nothing(d.path(), notRead(d.notRegular()).code());
      Ledger.Entry e = Ledger.Entry.of(d, "", context.run().runId(), none);
      context.ledger().record(e);
      recorded.add(e);
      files.add(new JobResult.FileResult(d, none, held.isPresent() ? "changed" : "new"));
    }
    return recorded;
  }

  private Dataset<Row> unexpectedFiles(List<Ledger.Entry> entries) {
    List<Row> rows = new ArrayList<>();
    for (Ledger.Entry e : entries) {
      String detail = e.notRegular() == null ? UNEXPECTED_DETAIL
          : "the entry is " + e.notRegular() + ", not a readable regular file; it was not opened";
      rows.add(RowFactory.create(e.path(), null, notRead(e.notRegular()).code(), detail, e.runId()));
    }
    return context.run().spark().createDataFrame(rows, REJECT_ROWS);
  }

  /** Why a landing entry was not read: it fits no layout rule, or it is no regular file at all. */
  private static RejectReason notRead(String notRegular) {
    return notRegular == null ? RejectReason.FILE_UNEXPECTED : RejectReason.FILE_NOT_REGULAR;
  }
}
