package vn.haiphong.bdhvs.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.errors.UserError;

/**
 * {@code <warehouse>/bdhvs.duckdb}: the analysts' door to the warehouse (docs/specification.md §6). Each run
 * rebuilds it beside the old one and renames it over the old file, so the swap is atomic: an
 * analyst holding the old file open keeps reading it (POSIX rename leaves the open inode alive),
 * the next connection sees the new build, and a run that dies half way leaves the old file as it
 * was. This needs a local file system; for a cluster warehouse (HDFS, S3) the run builds no file,
 * and an analyst builds one locally over a local copy of the Parquet (see {@link WarehouseJob}).
 */
public final class DuckDbWarehouse {
  public static final String FILE_NAME = "bdhvs.duckdb";
  static final String STAGED_PREFIX = "staged_";
  /** Reference tables copied into the file, by reference name: the DuckDB table of each. */
  /**
   * The latest closed month: every source complete for it at the run date (relation {@code source_months},
   * the cube's cubes/source_months), so no figure of it waits for a delivery or a deadline — never the
   * running month (docs/specification.md §5). kpi_latest, the report and the notebooks default to it.
   */
  public static final String LATEST_CLOSED_MONTH_SQL =
      "SELECT max(month) FROM (SELECT month FROM source_months GROUP BY month HAVING bool_and(is_complete))";
  static final Map<String, String> REFERENCE_TABLES = Map.of(
      "indicators", "dim_indicator", "plans", "dim_plan", "plan_targets", "dim_plan_target",
      "validation_rules", "dim_validation_rule");

  private final Path root;

  /** The warehouse at {@code root}; made absolute, since the views carry absolute paths. */
  public DuckDbWarehouse(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /**
   * The table or view of the file that holds a contract's rows: {@code staged_<table>} for staged
   * tables, the table's own name for outputs and warehouse objects, {@code dim_<...>} for the
   * reference tables copied in; empty for the rest (exports, reference tables left out).
   */
  public static Optional<String> objectOf(TableContract contract) {
    return switch (contract.kind()) {
      case "staged" -> Optional.of(STAGED_PREFIX + contract.table());
      case "output", "warehouse" -> Optional.of(contract.table());
      case "reference" -> Optional.ofNullable(REFERENCE_TABLES.get(contract.table()));
      default -> Optional.empty();
    };
  }

  public Path file() {
    return root.resolve(FILE_NAME);
  }

  /** What a rebuild made: the file, each table and view with its rows, and how long it took. */
  public record Build(Path file, Map<String, Long> rows, Duration took) {}

  /** Builds the file aside as {@code .bdhvs.duckdb.<runId>.tmp}, then renames it over the old one. */
  public Build rebuild(String runId) {
    long start = System.nanoTime();
    Path aside = root.resolve("." + FILE_NAME + "." + runId + ".tmp");
    try {
      Files.createDirectories(root);
      removeLeftovers();
      Map<String, Long> rows;
      try (Connection c = connect(aside, false)) {
        rows = WarehouseObjects.create(c, root);
        try (Statement s = c.createStatement()) {
          s.execute("CHECKPOINT"); // everything in the main file, no WAL to carry along
        }
      }
      Files.move(aside, file(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return new Build(file(), rows, Duration.ofNanos(System.nanoTime() - start));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build " + file() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build " + file(), e);
    } finally {
      deleteQuietly(aside);
      deleteQuietly(Path.of(aside + ".wal"));
    }
  }

  /** A read-only connection to the current file; many analysts can hold one at once. */
  public Connection openReadOnly() throws SQLException {
    if (!Files.isRegularFile(file())) {
      throw new UserError("no DuckDB file " + file() + ": the warehouse has not been built there yet"
          + " (bdhvs run --warehouse " + root + " builds it), or --warehouse names the wrong folder");
    }
    return connect(file(), true);
  }

  /** A read-only connection locked for an analyst's SQL: one SELECT a call, no file access beyond the views' folders. */
  public QuerySession openQuerySession() throws SQLException {
    return QuerySession.lock(openReadOnly(), root, file());
  }

  private static Connection connect(Path file, boolean readOnly) throws SQLException {
    Properties properties = new Properties();
    if (readOnly) {
      properties.setProperty("duckdb.read_only", "true");
      // The driver shares one instance per path within a JVM; a JVM that keeps a connection open
      // (a notebook, a BI server) would then never see the next build. Read-only instances can share the file.
      properties.setProperty("jdbc_instance_cache", "false");
    }
    // The driver itself rather than DriverManager: a shaded jar may lose META-INF/services.
    return new DuckDBDriver().connect("jdbc:duckdb:" + file, properties);
  }

  // Runs never interleave (docs/specification.md §6), so a temporary build found now is from a run that died.
  private void removeLeftovers() throws IOException {
    try (Stream<Path> files = Files.list(root)) {
      files.filter(p -> p.getFileName().toString().startsWith("." + FILE_NAME + "."))
          .forEach(DuckDbWarehouse::deleteQuietly);
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // A leftover temporary file is harmless; the next run removes it.
    }
  }
}
