package vn.haiphong.bdhvs.doctor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.haiphong.bdhvs.identity.PseudonymKey;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * What {@code bdhvs doctor} checks before a first run: the Java version Spark needs, memory, the
 * folders bdhvs writes, the pseudonym key and the landing's layout. Each check says in plain words
 * what it found and, when something is wrong, what to do.
 */
public final class Checkup {
  /** The Java that Spark 3.5 and this build are made for. */
  static final int JAVA = 17;
  static final long GIB = 1L << 30;
  /** Below this much free space, Spark's spill files and the warehouse may not fit the city sample. */
  static final long LOW_SPACE = 2 * GIB;

  private Checkup() {}

  /** Every check; {@code landing}, {@code warehouse} and {@code keyFile} may be null (not given). */
  public static List<Finding> all(String landing, String warehouse, Path keyFile, Map<String, String> environment) {
    List<Finding> findings = new ArrayList<>();
    findings.add(java(Runtime.version()));
    findings.add(memory(Runtime.getRuntime().maxMemory(), physicalMemory(), Runtime.getRuntime().availableProcessors()));
    findings.add(writableFolder("temporary folder (Spark's spill files)", Path.of(System.getProperty("java.io.tmpdir"))));
    if (warehouse != null) {
      findings.addAll(warehouse(warehouse));
    }
    findings.add(key(keyFile, environment, warehouse));
    if (landing != null) {
      findings.addAll(LandingLayout.check(landing));
    }
    return findings;
  }

  static Finding java(Runtime.Version version) {
    String subject = "Java";
    if (version.feature() == JAVA) {
      return Finding.ok(subject, "Java " + version + ", the version Spark 3.5 and bdhvs are built for");
    }
    if (version.feature() > JAVA) {
      return Finding.warn(subject, "Java " + version + " runs bdhvs, but Spark 3.5 is made for Java " + JAVA
          + "; if a run fails inside Spark, install Java " + JAVA + " (Debian: apt-get install openjdk-17-jdk-headless)");
    }
    return Finding.fix(subject, "Java " + version + " is too old: bdhvs needs Java " + JAVA
        + " (Debian: apt-get install openjdk-17-jdk-headless)");
  }

  static Finding memory(long maxHeap, long physical, int cores) {
    String subject = "memory";
    String found = String.format("Java may use %.1f GiB", maxHeap / (double) GIB)
        + (physical > 0 ? String.format(" of the machine's %.1f GiB", physical / (double) GIB) : "")
        + ", " + cores + " cores";
    if (maxHeap < GIB) {
      return Finding.fix(subject, found + "; bdhvs needs at least 1 GiB: set BDHVS_JAVA_OPTS=-Xmx4g");
    }
    if (physical > 0 && maxHeap > physical) {
      return Finding.warn(subject, found + ": more than the machine has, so a big run may be killed;"
          + " set BDHVS_JAVA_OPTS=-Xmx" + Math.max(1, physical / GIB * 3 / 4) + "g");
    }
    if (maxHeap < 3 * GIB) {
      return Finding.warn(subject, found + ": enough for the small sample; the city sample wants -Xmx4g"
          + " (BDHVS_JAVA_OPTS=-Xmx4g)");
    }
    return Finding.ok(subject, found);
  }

  /** A folder bdhvs must write into: an existing one is tried with a real file, a missing one must be creatable. */
  static Finding writableFolder(String subject, Path folder) {
    Path existing = folder.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing)) {
      return Finding.fix(subject, folder + " cannot be created: " + existing + " is not a folder");
    }
    try {
      Files.delete(Files.createTempFile(existing, ".bdhvs-doctor", ".tmp"));
    } catch (IOException e) {
      String why = e instanceof java.nio.file.AccessDeniedException ? "permission denied"
          : e.getMessage() == null ? "an input/output error" : e.getMessage();
      return Finding.fix(subject, "cannot write in " + existing + " (" + why
          + "); choose a folder you own or fix its permissions");
    }
    String where = existing.equals(folder.toAbsolutePath()) ? folder + " is writable"
        : folder + " does not exist yet; it will be created in " + existing + ", which is writable";
    long free = usableSpace(existing);
    if (free >= 0 && free < LOW_SPACE) {
      return Finding.warn(subject, where + ", but only " + String.format("%.1f", free / (double) GIB)
          + " GiB are free; the city sample needs a few GiB");
    }
    return Finding.ok(subject, where + (free < 0 ? "" : String.format(", %.0f GiB free", free / (double) GIB)));
  }

  static List<Finding> warehouse(String warehouse) {
    String subject = "warehouse";
    Optional<Path> local = Warehouse.localFolder(warehouse);
    if (local.isEmpty()) {
      return List.of(Finding.ok(subject, warehouse + " is not a local folder: Spark writes it; not checked here"));
    }
    Path root = local.get();
    List<Finding> findings = new ArrayList<>(List.of(writableFolder(subject, root)));
    DuckDbWarehouse duck = new DuckDbWarehouse(root);
    if (Files.isRegularFile(duck.file())) {
      findings.add(duckDb(duck));
    }
    return findings;
  }

  private static Finding duckDb(DuckDbWarehouse duck) {
    String subject = "bdhvs.duckdb";
    try (Connection c = duck.openReadOnly(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM duckdb_views() WHERE NOT internal")) {
      r.next();
      long views = r.getLong(1);
      try (ResultSet months = s.executeQuery(
          "SELECT count(*) FROM duckdb_views() WHERE view_name = 'indicator_cube'")) {
        months.next();
        if (months.getLong(1) == 0) {
          return Finding.warn(subject, duck.file() + " opens (" + views + " views) but has no indicator_cube yet:"
              + " the last run built no cube; run bdhvs run again once the landing has deliveries");
        }
      }
      try (ResultSet latest = s.executeQuery("SELECT max(month) FROM indicator_cube")) {
        latest.next();
        return Finding.ok(subject, duck.file() + " opens read-only: " + views + " views, latest month "
            + latest.getString(1));
      }
    } catch (SQLException e) {
      return Finding.fix(subject, duck.file() + " cannot be read (" + e.getMessage().lines().findFirst().orElse("")
          + "); a run rebuilds it: bdhvs run --warehouse " + duck.file().getParent() + " ...");
    }
  }

  static Finding key(Path keyFile, Map<String, String> environment, String warehouse) {
    String subject = "pseudonym key";
    if (keyFile == null && (environment.get(PseudonymKey.ENV) == null || environment.get(PseudonymKey.ENV).isBlank())) {
      return Finding.warn(subject, "none given: bdhvs query and report need none, but bdhvs run needs "
          + PseudonymKey.ENV + " or --key-file (bdhvs demo makes demo/pseudonym.key; a new key: openssl rand -hex 32 > key.txt,"
          + " then chmod 600 key.txt and keep it outside the warehouse)");
    }
    if (keyFile != null && !Files.isRegularFile(keyFile)) {
      return Finding.fix(subject, "key file " + keyFile + " does not exist; expected a file of 64 hex characters"
          + " (bdhvs demo makes one in demo/pseudonym.key). A new key changes every person key: keep the old one");
    }
    try {
      PseudonymKey.load(keyFile, environment);
      Optional<Path> local = warehouse == null ? Optional.empty() : Warehouse.localFolder(warehouse);
      if (keyFile != null && local.isPresent()
          && keyFile.toAbsolutePath().normalize().startsWith(local.get().toAbsolutePath().normalize())) {
        return Finding.fix(subject, "key file " + keyFile + " lies inside the warehouse " + warehouse
            + ": anyone who reads the warehouse could then undo the pseudonyms; move it outside");
      }
      if (keyFile != null && readableByOthers(keyFile)) {
        return Finding.warn(subject, "key file " + keyFile + " can be read by other users: chmod 600 " + keyFile);
      }
      return Finding.ok(subject, "usable, from " + (keyFile != null ? "key file " + keyFile
          : "the environment variable " + PseudonymKey.ENV));
    } catch (IllegalArgumentException e) {
      return Finding.fix(subject, e.getMessage());
    }
  }

  private static boolean readableByOthers(Path file) {
    try {
      Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
      return p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  private static long usableSpace(Path folder) {
    try {
      return Files.getFileStore(folder).getUsableSpace();
    } catch (IOException e) {
      return -1;
    }
  }

  private static long physicalMemory() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getTotalMemorySize() : -1;
  }
}
