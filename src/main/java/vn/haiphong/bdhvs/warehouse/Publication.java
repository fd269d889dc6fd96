package vn.haiphong.bdhvs.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A run's outputs, published all together or not at all (docs/specification.md §6: a run that dies half way leaves
 * the previous outputs readable and unchanged). Every output — a staged table, a cube partition, a
 * rejects folder, a parsed segment, the ledger, the manifest — is written aside under
 * {@code .pending/<run_id>/} at its final relative path. Publishing then writes a journal
 * ({@code .publication.json}: the run and the paths it replaces or removes), renames each old
 * output into {@code .trash/<run_id>/} and each new one into place, and deletes the journal. The
 * journal is the commit point: before it exists a dead run left only {@code .pending/} behind,
 * which the next run deletes; once it exists the next run finishes its renames (every step can be
 * repeated), so readers see every output of a run or none, but for the milliseconds the renames take.
 */
public final class Publication {
  static final String PENDING = ".pending";
  static final String TRASH = ".trash";
  static final String JOURNAL = ".publication.json";

  private final FileSystem fs;
  private final Path root;
  private final String runId;
  private final Set<String> replaced = new LinkedHashSet<>();
  private final Set<String> removed = new LinkedHashSet<>();

  Publication(FileSystem fs, Path root, String runId) {
    this.fs = fs;
    this.root = root;
    this.runId = runId;
  }

  /**
   * Where the run writes the new version of {@code relative} (a folder or a file); from now on
   * {@link #current} reads it there and {@link #publish()} swaps it in.
   */
  Path aside(String relative) {
    replaced.add(relative);
    return pending(root, runId, relative);
  }

  /** Where {@code relative} is written aside, without making it an output (the folder above a cube's partitions). */
  Path asidePath(String relative) {
    return pending(root, runId, relative);
  }

  /** Marks a published output (a folder or a file) to be removed when the run publishes. */
  void remove(String relative) {
    removed.add(relative);
  }

  /** A working folder of the run's own, removed with what it wrote aside. */
  Path scratch(String name) {
    return pending(root, runId, "." + name);
  }

  /** The version a reader of this run sees: the one written aside, else the published one. */
  Path current(String relative) {
    return replaced.contains(relative) ? pending(root, runId, relative) : new Path(root, relative);
  }

  /** How many outputs the run has written aside. */
  int size() {
    return replaced.size() + removed.size();
  }

  /**
   * Publishes every output written aside: journal, renames, journal deleted, leftovers removed. If
   * a rename fails, the renames done are undone and nothing is published; only if undoing fails
   * too is the journal left for the next run to finish.
   */
  void publish() {
    List<String> done = new ArrayList<>();
    try {
      writeJournal();
      apply(fs, root, runId, List.copyOf(replaced), List.copyOf(removed), done);
    } catch (IOException e) {
      try {
        undo(done);
        fs.delete(new Path(root, JOURNAL), false);
      } catch (IOException undoFailed) {
        throw new UncheckedIOException("publishing run " + runId + " into " + root + " stopped half way ("
            + e.getMessage() + ") and could not be undone (" + undoFailed.getMessage()
            + "); the next bdhvs run on this warehouse finishes it", e);
      }
      throw new UncheckedIOException("could not publish run " + runId + " into " + root + " (" + e.getMessage()
          + "); nothing of it was published, the warehouse is as before the run", e);
    }
    try {
      finish(fs, root, runId);
    } catch (IOException e) {
      // Published; what is left in .pending/ or .trash/ the next run deletes.
    }
  }

  /** Drops what the run wrote aside (a run that failed before publishing); the published outputs stay as they were. */
  void abandon() {
    try {
      fs.delete(new Path(new Path(root, PENDING), runId), true);
    } catch (IOException e) {
      // Leftovers are harmless: the next run deletes .pending/ before it starts.
    }
  }

  /**
   * Brings a warehouse left by a dead run back to a published state, under the run lock: finishes
   * the publication a journal names, then deletes what uncommitted runs left aside. Returns the run
   * whose publication was finished, or null.
   */
  static String recover(FileSystem fs, Path root) throws IOException {
    String finished = null;
    Path journal = new Path(root, JOURNAL);
    if (fs.exists(journal)) {
      JsonNode j;
      try (InputStream in = fs.open(journal)) {
        j = new ObjectMapper().readTree(in);
      }
      String run = j.path("run_id").asText();
      List<String> outputs = new ArrayList<>();
      j.path("replaced").forEach(p -> outputs.add(p.asText()));
      List<String> gone = new ArrayList<>();
      j.path("removed").forEach(p -> gone.add(p.asText()));
      apply(fs, root, run, outputs, gone, new ArrayList<>());
      finish(fs, root, run);
      finished = run;
    }
    fs.delete(new Path(root, PENDING), true);
    fs.delete(new Path(root, TRASH), true);
    return finished;
  }

  private void writeJournal() throws IOException {
    Map<String, Object> j = new LinkedHashMap<>();
    j.put("run_id", runId);
    j.put("replaced", List.copyOf(replaced));
    j.put("removed", List.copyOf(removed));
    Path journal = new Path(root, JOURNAL);
    Path aside = new Path(root, JOURNAL + ".tmp");
    try (OutputStream out = fs.create(aside, true)) {
      new ObjectMapper().writeValue(out, j);
    }
    // The rename makes the journal appear whole or not at all: it is the commit point.
    rename(fs, aside, journal);
  }

  /** Every step checks before it moves, so applying a journal again after a crash is safe. {@code done} lists the outputs moved in. */
  private static void apply(FileSystem fs, Path root, String run, List<String> outputs, List<String> gone,
      List<String> done) throws IOException {
    for (String relative : gone) {
      Path target = new Path(root, relative);
      if (fs.exists(target)) {
        move(fs, target, trash(root, run, relative));
      }
    }
    for (String relative : outputs) {
      Path source = pending(root, run, relative);
      if (!fs.exists(source)) {
        continue; // already moved in
      }
      Path target = new Path(root, relative);
      if (fs.exists(target)) {
        move(fs, target, trash(root, run, relative));
      }
      move(fs, source, target);
      done.add(relative);
    }
  }

  /** Puts the outputs moved in back aside and the old versions back in place, latest first. */
  private void undo(List<String> done) throws IOException {
    for (int i = done.size() - 1; i >= 0; i--) {
      String relative = done.get(i);
      move(fs, new Path(root, relative), pending(root, runId, relative));
      Path old = trash(root, runId, relative);
      if (fs.exists(old)) {
        move(fs, old, new Path(root, relative));
      }
    }
    // An old version moved to the trash whose new one never came in (or that was removed) goes back too.
    for (String relative : java.util.stream.Stream.concat(replaced.stream(), removed.stream()).toList()) {
      Path old = trash(root, runId, relative);
      if (!done.contains(relative) && fs.exists(old)) {
        move(fs, old, new Path(root, relative));
      }
    }
  }

  private static Path trash(Path root, String run, String relative) {
    return new Path(new Path(new Path(root, TRASH), run), relative);
  }

  private static void move(FileSystem fs, Path from, Path to) throws IOException {
    fs.mkdirs(to.getParent());
    rename(fs, from, to);
  }

  /**
   * Renames {@code from} to {@code to} (which must not be a folder), atomically or not at all.
   * Hadoop's local file system falls back to copying and deleting when a rename fails (a folder
   * that cannot be written loses its files that way), so a local warehouse renames through
   * java.nio; HDFS renames atomically itself.
   */
  static void rename(FileSystem fs, Path from, Path to) throws IOException {
    if ("file".equals(fs.getUri().getScheme())) {
      Files.move(local(fs, from), local(fs, to), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } else if (!fs.rename(from, to)) {
      throw new IOException("cannot rename " + from + " to " + to);
    }
  }

  private static java.nio.file.Path local(FileSystem fs, Path p) {
    return java.nio.file.Path.of(fs.makeQualified(p).toUri());
  }

  private static void finish(FileSystem fs, Path root, String run) throws IOException {
    fs.delete(new Path(root, JOURNAL), false);
    fs.delete(new Path(new Path(root, TRASH), run), true);
    fs.delete(new Path(new Path(root, PENDING), run), true);
  }

  private static Path pending(Path root, String run, String relative) {
    return new Path(new Path(new Path(root, PENDING), run), relative);
  }
}
