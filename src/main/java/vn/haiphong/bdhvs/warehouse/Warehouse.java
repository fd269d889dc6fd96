package vn.haiphong.bdhvs.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The warehouse root (a local folder or any Hadoop URI) and the layout of docs/specification.md §6 under it, as one
 * run sees it. Every table is written through its contract: columns in contract order, types as
 * declared, keys present and unique — a job that drifts from its contract fails here, not in a
 * dashboard. Nothing a run writes is visible to readers before {@link #publish()}: outputs go
 * aside and are swapped in together (see {@link Publication}); within the run, reads of an output
 * it has written see the new version.
 */
public final class Warehouse {
  private static final int TEST_THREADS = 4;

  private final String root;
  private final FileSystem fs;
  private final Publication publication;
  /** The tables written aside so far, by table: the Parquet their data tests read. */
  private final Map<String, Written> written = new LinkedHashMap<>();
  // Read by the run's manifest, which an interruption writes from the signal's thread.
  private volatile List<DataTests.TableOutcome> dataTests = List.of();
  private boolean dataTestFailed;

  /** Where a table was written aside: its folders, and the folder partition values are read under (null when none). */
  private record Written(TableContract contract, List<String> paths, String basePath) {}

  /** The warehouse at {@code root} as run {@code runId} writes it. */
  public Warehouse(String root, Configuration hadoop, String runId) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    try {
      Path rootPath = new Path(this.root);
      this.fs = rootPath.getFileSystem(hadoop);
      // A hidden .crc beside every manifest and journal helps no reader.
      fs.setWriteChecksum(false);
      this.publication = new Publication(fs, rootPath, runId);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the warehouse " + root, e);
    }
  }

  public String root() {
    return root;
  }

  /**
   * The local folder of a warehouse root — a plain path or a {@code file:} URI — for the readers
   * that work on local files only (DuckDB without extensions); empty for HDFS, S3 and other schemes.
   */
  public static Optional<java.nio.file.Path> localFolder(String root) {
    if (!root.contains("://") && !root.startsWith("file:")) {
      return Optional.of(java.nio.file.Path.of(root));
    }
    URI uri = URI.create(root);
    return "file".equals(uri.getScheme()) ? Optional.of(java.nio.file.Path.of(uri)) : Optional.empty();
  }

  /** The staged table as this run sees it: its new version once the run has written it, else the published one. */
  public String stagedPath(String table) {
    return publication.current(staged(table)).toString();
  }

  /** Staged {@code table} as this run sees it, typed by its contract: no Spark job infers its schema from the files. */
  public Dataset<Row> readStaged(SparkSession spark, String table) {
    return spark.read().schema(TableContract.load("staged", table).sparkSchema()).parquet(stagedPath(table));
  }

  /**
   * A fingerprint of staged {@code table} as a job reads it now ({@link #stagedPath}): its files' names and
   * sizes, not where they are (aside while the run writes, published after). Spark names every file it
   * writes anew, so a table written again has another fingerprint, and one kept as published keeps its
   * own; "none" when there is no such table.
   */
  public String stagedVersion(String table) {
    Path dir = new Path(stagedPath(table));
    TreeSet<String> files = new TreeSet<>();
    try {
      if (!fs.exists(dir)) {
        return "none";
      }
      RemoteIterator<LocatedFileStatus> all = fs.listFiles(dir, true);
      while (all.hasNext()) {
        LocatedFileStatus f = all.next();
        files.add(f.getPath().getName() + " " + f.getLen());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    return CodeVersion.sha256(String.join("\n", files)).substring(0, 16);
  }

  /** The published version of {@code relative} (e.g. {@code staged/contest_visits}), when there is one. */
  public Optional<String> published(String relative) {
    Path p = new Path(root + "/" + relative);
    try {
      return fs.exists(p) ? Optional.of(p.toString()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }

  /** Writes a staged table (replacing it) after checking it against {@code schemas/staged/<table>.json}; returns its rows. */
  public long writeStaged(String table, Dataset<Row> rows) {
    return write(TableContract.load("staged", table), rows, staged(table));
  }

  /**
   * Writes a cube partitioned by {@code partitionColumn}, after checking it against
   * {@code schemas/output/<table>.json}; returns its rows. With {@code from} null the new cube
   * replaces the whole table; otherwise it replaces the partitions from {@code from} on (a
   * partition of those that {@code rows} no longer has is removed) and the earlier ones stay.
   * Its key is checked as it is written: {@code rows} is computed once (again only to name a broken key's examples).
   */
  public long writeCube(String table, Dataset<Row> rows, String partitionColumn, String from) {
    TableContract contract = TableContract.load("output", table);
    Dataset<Row> conformed = conform(contract, rows);
    // One file per partition: a cube's month is a few thousand rows, and every extra file is another
    // task and file system call here and another file for DuckDB and BI tools to open.
    Observation counted = new Observation();
    Dataset<Row> shaped = countingAndKeyed(contract, conformed.repartition(col(partitionColumn)), counted);
    String relative = "cubes/" + table;
    if (from == null) {
      Path aside = publication.aside(relative);
      shaped.write().mode(SaveMode.Overwrite).partitionBy(partitionColumn).parquet(aside.toString());
      wrote(contract, aside.toString(), aside.toString());
      return keyedRowsWritten(contract, counted, conformed);
    }
    Set<String> partitions = writePartitions(relative, shaped, partitionColumn);
    String base = publication.asidePath(relative).toString();
    partitions.forEach(p -> wrote(contract, base + "/" + p, base));
    for (String value : partitions(relative, partitionColumn)) {
      if (value.compareTo(from) >= 0 && !partitions.contains(partitionColumn + "=" + value)) {
        publication.remove(relative + "/" + partitionColumn + "=" + value);
      }
    }
    return keyedRowsWritten(contract, counted, conformed);
  }

  /**
   * Writes an output table that is not a cube, {@code <folder>/<table>}, replacing it whole, after
   * checking it against {@code schemas/output/<table>.json}; returns its rows. {@code rows} is
   * computed twice (key check, write): persist it first.
   */
  public long writeOutput(String folder, String table, Dataset<Row> rows) {
    return write(TableContract.load("output", table), rows, folder + "/" + table);
  }

  /** The values of the published partitions {@code <relative>/<column>=<value>}, in order. */
  public List<String> partitions(String relative, String column) {
    Path dir = new Path(root + "/" + relative);
    List<String> values = new ArrayList<>();
    try {
      if (fs.exists(dir)) {
        for (FileStatus s : fs.listStatus(dir)) {
          String name = s.getPath().getName();
          if (s.isDirectory() && name.startsWith(column + "=")) {
            values.add(name.substring(column.length() + 1));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dir, e);
    }
    values.sort(String::compareTo);
    return values;
  }

  /** Writes a segment of parsed rows, {@code parsed/<table>/<segment>/}; returns where this run reads it. */
  public String writeParsed(String table, String segment, Dataset<Row> rows) {
    String aside = publication.aside("parsed/" + table + "/" + segment).toString();
    rows.write().mode(SaveMode.Overwrite).parquet(aside);
    return aside;
  }

  /** Removes a segment of parsed rows when the run publishes (its live rows are in another). */
  public void removeParsed(String table, String segment) {
    publication.remove("parsed/" + table + "/" + segment);
  }

  /** Writes one source's rejects (replacing them): {@code rows} has file, line, reason_code, detail, run_id. */
  public long writeRejects(String source, Dataset<Row> rows) {
    Dataset<Row> shaped = rows.select(lit(source).as("source"), col("file"), col("line"),
        col("reason_code"), col("detail"), col("run_id"));
    return write(TableContract.load("output", "rejects"), shaped, "rejects/" + source);
  }

  /** Writes a small text file (the ledger, the run manifest) under the root, published with the run. */
  public void writeText(String relativePath, String content) {
    writeFile(publication.aside(relativePath), content);
  }

  /**
   * Replaces a small text file at once, on its own (a run manifest once the run is published, or
   * the record of a failed run): the file appears whole or not at all.
   */
  public void writeTextNow(String relativePath, String content) {
    Path path = new Path(root + "/" + relativePath);
    Path aside = new Path(path.getParent(), "." + path.getName() + ".tmp");
    writeFile(aside, content);
    try {
      Publication.rename(fs, aside, path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Reads a small text file of the published warehouse, when it exists. */
  public Optional<String> readText(String relativePath) {
    Path path = new Path(root + "/" + relativePath);
    try {
      if (!fs.exists(path)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(path)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** How many outputs this run has written aside so far. */
  public int pendingOutputs() {
    return publication.size();
  }

  /**
   * Runs the data tests of every table written aside ({@link DataTests}) and keeps their outcomes
   * ({@link #dataTests()}); a failing test of severity error throws {@link DataTestFailure}, and
   * the run then publishes nothing ({@link #publish()} refuses). Call it just before publishing.
   */
  public List<DataTests.TableOutcome> test(SparkSession spark) {
    List<DataTests.TableOutcome> outcomes = new ArrayList<>();
    // A table's tests are one small Spark job whose time is mostly latency (listing, planning, code
    // generation): several tables at once take about half as long as one after the other.
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(TEST_THREADS, written.size())));
    try {
      List<Future<DataTests.TableOutcome>> running = new ArrayList<>();
      for (Written w : written.values()) {
        running.add(pool.submit(() -> {
          DataFrameReader reader = spark.read().schema(w.contract().sparkSchema());
          if (w.basePath() != null) {
            reader = reader.option("basePath", w.basePath());
          }
          return DataTests.run(w.contract(), reader.parquet(w.paths().toArray(String[]::new)));
        }));
      }
      for (Future<DataTests.TableOutcome> f : running) {
        outcomes.add(f.get());
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted during the data tests", e);
    } finally {
      pool.shutdownNow();
    }
    dataTests = List.copyOf(outcomes);
    Optional<String> failure = DataTests.failure(outcomes);
    if (failure.isPresent()) {
      dataTestFailed = true;
      throw new DataTestFailure(failure.get());
    }
    return dataTests;
  }

  /** The outcomes of the last {@link #test}, for the run manifest; empty before it. */
  public List<DataTests.TableOutcome> dataTests() {
    return dataTests;
  }

  /** Swaps every output of this run in, all together (see {@link Publication}); never after a failed error test. */
  public void publish() {
    if (dataTestFailed) {
      throw new DataTestFailure("run has a failing data test of severity error; nothing published");
    }
    publication.publish();
  }

  /** Forgets what this run wrote aside: a failed run leaves the published warehouse as it was. */
  public void abandon() {
    publication.abandon();
  }

  /**
   * Run before anything else under the run lock: finishes the publication of a run that died
   * while publishing and removes what unpublished runs left aside. Returns that run's id, or null.
   */
  public String recover() {
    try {
      return Publication.recover(fs, new Path(root));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot recover the warehouse " + root + " from an interrupted run: "
          + e.getMessage(), e);
    }
  }

  private static String staged(String table) {
    return "staged/" + table;
  }

  private long write(TableContract contract, Dataset<Row> rows, String relative) {
    Dataset<Row> shaped = conform(contract, rows);
    checkKeys(contract, shaped);
    String aside = publication.aside(relative).toString();
    Observation counted = new Observation();
    counting(shaped, counted).write().mode(SaveMode.Overwrite).parquet(aside);
    wrote(contract, aside, null);
    return rowsWritten(counted, contract.table());
  }

  /**
   * {@code rows}, counted by {@code counted} as the write runs: reading the written table back to
   * count it cost three Spark jobs per table, mostly latency, on every table of every run.
   */
  private static Dataset<Row> counting(Dataset<Row> rows, Observation counted) {
    return rows.observe(counted, count(lit(1)).as("rows"));
  }

  private static final String SHARING_THE_KEY = "__rows_sharing_the_key";

  /**
   * {@code rows} counted by {@code counted} as the write runs, with what its key check needs: the most rows
   * sharing a key (a window over the key: a cube partitioned by its month, which every cube's key holds, needs no
   * further shuffle for it) and the rows with a null key part. A check of its own cost a Spark job or more per cube.
   */
  private static Dataset<Row> countingAndKeyed(TableContract contract, Dataset<Row> rows, Observation counted) {
    Column[] keys = contract.keys().stream().map(k -> col(k)).toArray(Column[]::new);
    Column anyNull = Arrays.stream(keys).map(Column::isNull).reduce(Column::or).orElseThrow();
    return rows.withColumn(SHARING_THE_KEY, count(lit(1)).over(Window.partitionBy(keys)))
        .observe(counted, count(lit(1)).as("rows"), max(col(SHARING_THE_KEY)).as("most_sharing_a_key"),
            sum(when(anyNull, 1L).otherwise(0L)).as("null_keys"))
        .drop(SHARING_THE_KEY);
  }

  /**
   * The rows {@code counted} saw written by {@link #countingAndKeyed}; a broken key fails the write (it is aside,
   * never published), naming examples found by the full check over {@code rows}.
   */
  private static long keyedRowsWritten(TableContract contract, Observation counted, Dataset<Row> rows) {
    long written = rowsWritten(counted, contract.table());
    Map<String, Object> seen = observed(counted, contract.table());
    if (metric(seen, "most_sharing_a_key") > 1 || metric(seen, "null_keys") > 0) {
      checkKeys(contract, rows);
      throw new IllegalStateException("table " + contract.table() + " breaks its key " + contract.keys() + " (null or repeated)");
    }
    return written;
  }

  /** The rows {@code counted} saw written (the write has finished, so its metrics are in). */
  private static long rowsWritten(Observation counted, String table) {
    return metric(observed(counted, table), "rows");
  }

  /**
   * One observed metric, 0 when absent or null: no metric at all when no task ran (a plan Spark knows to be
   * empty wrote nothing), and a max or sum over no rows is null.
   */
  private static long metric(Map<String, Object> observed, String name) {
    Object value = observed.get(name);
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Map<String, Object> observed(Observation counted, String table) {
    try {
      return counted.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while counting the rows written to " + table, e);
    }
  }

  /** Records a folder written aside for {@code contract}'s table (rejects: one per source; a cube: one per partition). */
  private void wrote(TableContract contract, String path, String basePath) {
    Written before = written.get(contract.table());
    List<String> paths = new ArrayList<>(before == null ? List.of() : before.paths());
    if (!paths.contains(path)) {
      paths.add(path);
    }
    written.put(contract.table(), new Written(contract, paths, basePath));
  }

  /** Writes {@code rows} partitioned aside and registers each partition folder as an output of its own. */
  private Set<String> writePartitions(String relative, Dataset<Row> rows, String partitionColumn) {
    Path scratch = publication.scratch("partitions-" + UUID.randomUUID());
    rows.write().mode(SaveMode.Overwrite).partitionBy(partitionColumn).parquet(scratch.toString());
    Set<String> names = new TreeSet<>();
    try {
      for (FileStatus s : fs.listStatus(scratch)) {
        String name = s.getPath().getName();
        if (s.isDirectory() && name.startsWith(partitionColumn + "=")) {
          Path target = publication.aside(relative + "/" + name);
          fs.mkdirs(target.getParent());
          Publication.rename(fs, s.getPath(), target);
          names.add(name);
        }
      }
      fs.delete(scratch, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + relative + " aside", e);
    }
    return names;
  }

  private void writeFile(Path path, String content) {
    try {
      try (OutputStream out = fs.create(path, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  /** Selects the contract's columns in order and fails on a missing column or a type that differs. */
  static Dataset<Row> conform(TableContract contract, Dataset<Row> rows) {
    StructType expected = contract.sparkSchema();
    List<String> problems = new ArrayList<>();
    List<String> present = Arrays.asList(rows.columns());
    for (StructField f : expected.fields()) {
      if (!present.contains(f.name())) {
        problems.add("missing column " + f.name());
      } else if (!rows.schema().apply(f.name()).dataType().sameType(f.dataType())) {
        problems.add(f.name() + " is " + rows.schema().apply(f.name()).dataType().simpleString()
            + ", contract says " + f.dataType().simpleString());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("table " + contract.table() + " does not match its contract: "
          + String.join("; ", problems));
    }
    return rows.select(Arrays.stream(expected.fieldNames()).map(n -> col(n)).toArray(Column[]::new));
  }

  private static void checkKeys(TableContract contract, Dataset<Row> rows) {
    if (contract.keys().isEmpty()) {
      return;
    }
    Column[] keys = contract.keys().stream().map(k -> col(k)).toArray(Column[]::new);
    Column anyNull = Arrays.stream(keys).map(Column::isNull).reduce(Column::or).orElseThrow();
    List<Row> broken = rows.groupBy(keys).count()
        .filter(col("count").gt(1).or(anyNull))
        .limit(3).collectAsList();
    if (!broken.isEmpty()) {
      throw new IllegalStateException("table " + contract.table() + " breaks its key "
          + contract.keys() + " (null or repeated), e.g. " + broken);
    }
  }
}
