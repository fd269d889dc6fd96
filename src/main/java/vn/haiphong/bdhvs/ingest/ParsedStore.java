package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.FileCount;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.warehouse.CodeVersion;
import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code <warehouse>/parsed/<table>/segment=<run_id>/}: the parsed rows (accepted, rejected,
 * notes) of every delivery, as its parser gave them, each with the run that parsed it. Parsing is
 * the costly part of ingest and a delivery's rows depend only on its bytes, the parser code, the
 * reference data and (for enrolments and statements) the catalog in force, so a run parses only the
 * deliveries the {@link Ledger} does not hold under the same fingerprint, stores their rows in a
 * segment of its own, and reads every other delivery's rows back; the set logic then runs over all
 * of them, as in a full run. A row is live while the ledger names its run for its file: the rows of
 * a re-read delivery's earlier bytes stay in their segment, dead, until the table's segments are
 * merged into one — which a run does when there are more than {@value #MAX_SEGMENTS}, so a table
 * is never more than that many folders to list, however many nights it has seen.
 */
public final class ParsedStore {
  /** The packages whose code decides parsed rows (and the set logic over them). */
  static final String[] PARSER_CODE = {"ingest", "landing", "codes", "identity", "reference", "contract"};
  static final String SEGMENT = "segment";
  static final int MAX_SEGMENTS = 30;
  /** The run that parsed the row: the {@code run_id} of its rejects, and what makes it live. */
  static final String RUN = "_run";
  private static final StructType LIVE = new StructType()
      .add("_live_file", DataTypes.StringType, false)
      .add("_live_run", DataTypes.StringType, false);

  private final SparkSession spark;
  private final Warehouse warehouse;
  private final Landing landing;
  private final Ledger ledger;
  private final String runId;

  public ParsedStore(IngestContext context) {
    this.spark = context.run().spark();
    this.warehouse = context.run().warehouse();
    this.landing = context.landing();
    this.ledger = context.ledger();
    this.runId = context.run().runId();
  }

  /**
   * Every held delivery of {@code table}, parsed: the landing's new, changed or out-of-date ones
   * parsed now, the others read back. {@code dependsOn} fingerprints any input of the parser beyond
   * its code and the reference data (the catalog in force), or is empty.
   */
  public ReadResult read(String table, FileParser parser, String dependsOn) {
    String parsedWith = CodeVersion.of(PARSER_CODE) + IngestLimits.of(spark).fingerprint()
        + (dependsOn.isEmpty() ? "" : "+" + dependsOn);
    List<Delivery> toParse = new ArrayList<>();
    Map<String, String> because = new HashMap<>();
    List<Ledger.Entry> before = new ArrayList<>();
    for (Delivery d : landing.of(table)) {
      Ledger.Entry held = ledger.entry(d.path()).orElse(null);
      String why = held == null ? "new" : !held.sha256().equals(d.sha256()) ? "changed"
          : held.holds(d, parsedWith) ? null : "reparsed";
      if (why != null) {
        toParse.add(d);
        because.put(d.path(), why);
        if (held != null) {
          before.add(held);
        }
      }
    }
    StructType schema = ParsedRows.schema(parser.schema()).add(RUN, DataTypes.StringType, true);
    String relative = "parsed/" + table;
    List<String> segments = warehouse.partitions(relative, SEGMENT);
    Dataset<Row> published = rows(schema, segments.stream()
        .map(s -> warehouse.published(relative + "/" + SEGMENT + "=" + s).orElseThrow()).toList());
    if (toParse.isEmpty()) {
      Dataset<Row> all = live(published, ledger.of(table));
      return new ReadResult(all, all.limit(0), all.limit(0), parser.schema(), List.of(), toParse, because);
    }
    Dataset<Row> replaced = live(published, before);
    Set<String> parsedNow = new HashSet<>(because.keySet());
    List<Ledger.Entry> kept = ledger.of(table).stream().filter(e -> !parsedNow.contains(e.path())).toList();
    // Every delivery read again (new parser code): the old segments hold no live row, and are not read.
    boolean allNew = kept.isEmpty();
    boolean merge = !allNew && segments.size() >= MAX_SEGMENTS;
    // Parsed while written: the rows go to Parquet once, and everything after reads them from there.
    Dataset<Row> segment = ExportReader.read(spark, toParse, parser).withColumn(RUN, lit(runId));
    if (merge) {
      segment = live(published, kept).unionByName(segment);
    }
    if (allNew || merge) {
      segments.forEach(s -> warehouse.removeParsed(table, SEGMENT + "=" + s));
    }
    Dataset<Row> written = rows(schema, List.of(warehouse.writeParsed(table, SEGMENT + "=" + runId, segment)));
    // This run's rows from its own segment alone, not from a scan of every segment.
    Dataset<Row> now = written.filter(col(RUN).equalTo(runId));
    List<FileCount> counts = ExportReader.countPerFile(now);
    Map<String, FileCount> byPath = new HashMap<>();
    counts.forEach(c -> byPath.put(c.path(), c));
    for (Delivery d : toParse) {
      ledger.record(Ledger.Entry.of(d, parsedWith, runId, byPath.getOrDefault(d.path(), FileCount.nothing(d.path(), null))));
    }
    Dataset<Row> all = live(allNew || merge ? written : published.unionByName(written), ledger.of(table));
    return new ReadResult(all, now, allNew ? written.limit(0) : replaced, parser.schema(), counts, toParse, because);
  }

  /** The rows of {@code rows} that the entries name: those of the entry's file parsed by the entry's run. */
  private Dataset<Row> live(Dataset<Row> rows, List<Ledger.Entry> entries) {
    List<Row> keys = entries.stream().map(e -> RowFactory.create(e.path(), e.runId())).toList();
    Dataset<Row> live = spark.createDataFrame(keys, LIVE);
    return rows.join(broadcast(live), col(ParsedRows.FILE).equalTo(col("_live_file"))
        .and(col(RUN).equalTo(col("_live_run"))), "left_semi");
  }

  private Dataset<Row> rows(StructType schema, List<String> folders) {
    return folders.isEmpty() ? spark.createDataFrame(List.of(), schema)
        : spark.read().schema(schema).parquet(folders.toArray(String[]::new));
  }
}
