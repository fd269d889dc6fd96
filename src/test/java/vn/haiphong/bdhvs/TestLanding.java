package vn.haiphong.bdhvs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.runtime.PipelineRun;

/** A landing folder written by a test, file by file, and a pipeline run over it with a fixed test key. */
public final class TestLanding {
  /** A fixed key for tests only: pseudonyms are stable across runs of the suite. */
  public static final PersonKeys KEYS =
      new PersonKeys("bdhvs-test-key-not-for-production-0123456789abcdef".getBytes(StandardCharsets.UTF_8));

  private final Path root;

  public TestLanding(Path root) {
    this.root = root;
  }

  public Path root() {
    return root;
  }

  public TestLanding file(String relativePath, String content) {
    return file(relativePath, content.getBytes(StandardCharsets.UTF_8));
  }

  public TestLanding file(String relativePath, byte[] content) {
    try {
      Path p = root.resolve(relativePath);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public PipelineRun.Outcome run(SparkSession spark, Path warehouse, LocalDate date) {
    Consumer<String> quiet = line -> { };
    return new PipelineRun(spark, root.toString(), warehouse.toString(), date, KEYS, quiet).execute();
  }
}
