package vn.haiphong.bdhvs.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The analysts' notebooks and their SQL, as committed under {@code notebooks/}. */
final class NotebookFiles {
  static final Path NOTEBOOKS = Path.of("notebooks");
  static final Path SQL = NOTEBOOKS.resolve("sql");

  private NotebookFiles() {}

  static List<Path> notebooks() {
    return list(NOTEBOOKS, ".ipynb");
  }

  static List<Path> sqlFiles() {
    return list(SQL, ".sql");
  }

  /** {@code kpi_progress} for {@code notebooks/sql/kpi_progress.sql}: the name a notebook's {@code query(...)} uses. */
  static String sqlName(Path file) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - ".sql".length());
  }

  private static List<Path> list(Path dir, String suffix) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
