package vn.haiphong.bdhvs.warehouse;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The warehouse root (a local folder or any Hadoop URI) and the layout of SPEC §6 under it. Every
 * table is written through its contract: columns in contract order, types as declared, keys
 * present and unique — a job that drifts from its contract fails here, not in a dashboard.
 */
public final class Warehouse {
  private final String root;
  private final Configuration hadoop;

  public Warehouse(String root, Configuration hadoop) {
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
    this.hadoop = hadoop;
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

  public String stagedPath(String table) {
    return root + "/staged/" + table;
  }

  public String rejectsPath(String source) {
    return root + "/rejects/" + source;
  }

  /** Writes a staged table (replacing it) after checking it against {@code schemas/staged/<table>.json}; returns its rows. */
  public long writeStaged(String table, Dataset<Row> rows) {
    return write(TableContract.load("staged", table), rows, stagedPath(table));
  }

  public String cubePath(String table) {
    return root + "/cubes/" + table;
  }

  /**
   * Writes a cube (replacing it) partitioned by {@code partitionColumn}, after checking it against
   * {@code schemas/output/<table>.json}; returns its rows. The new cube is written beside the old
   * one and swapped in only when complete, so a run that dies while writing leaves the previous
   * cube readable. {@code rows} is computed twice (key check, write): persist it first.
   */
  public long writeCube(String table, Dataset<Row> rows, String partitionColumn) {
    TableContract contract = TableContract.load("output", table);
    Dataset<Row> shaped = conform(contract, rows);
    checkKeys(contract, shaped);
    String path = cubePath(table);
    String aside = root + "/cubes/." + table + ".new";
    shaped.write().mode(SaveMode.Overwrite).partitionBy(partitionColumn).parquet(aside);
    swap(aside, path);
    return rows.sparkSession().read().parquet(path).count();
  }

  private void swap(String aside, String target) {
    Path from = new Path(aside);
    Path to = new Path(target);
    try {
      FileSystem fs = to.getFileSystem(hadoop);
      fs.delete(to, true);
      if (!fs.rename(from, to)) {
        throw new IOException("rename " + from + " to " + to + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot replace " + to, e);
    }
  }

  /** Writes one source's rejects (replacing them): {@code rows} has file, line, reason_code, detail. */
  public long writeRejects(String source, String runId, Dataset<Row> rows) {
    Dataset<Row> shaped = rows.select(lit(source).as("source"), col("file"), col("line"),
        col("reason_code"), col("detail"), lit(runId).as("run_id"));
    return write(TableContract.load("output", "rejects"), shaped, rejectsPath(source));
  }

  /** Writes a small text file (the run manifest) under the root. */
  public void writeText(String relativePath, String content) {
    Path path = new Path(root + "/" + relativePath);
    try {
      FileSystem fs = path.getFileSystem(hadoop);
      // A hidden .crc beside every manifest helps no reader of runs/.
      fs.setWriteChecksum(false);
      Path aside = new Path(path.getParent(), "." + path.getName() + ".tmp");
      try (OutputStream out = fs.create(aside, true)) {
        out.write(content.getBytes(StandardCharsets.UTF_8));
      }
      fs.delete(path, false);
      if (!fs.rename(aside, path)) {
        throw new IOException("rename to " + path + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + path, e);
    }
  }

  private long write(TableContract contract, Dataset<Row> rows, String path) {
    Dataset<Row> shaped = conform(contract, rows);
    checkKeys(contract, shaped);
    shaped.write().mode(SaveMode.Overwrite).parquet(path);
    return rows.sparkSession().read().parquet(path).count();
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
