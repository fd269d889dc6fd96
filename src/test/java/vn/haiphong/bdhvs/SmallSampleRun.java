package vn.haiphong.bdhvs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.generate.Scale;

/**
 * The generated small sample through the whole pipeline, once per test JVM, for the test classes
 * that only read what it wrote (the cubes, bdhvs.duckdb, the manifest): one run instead of one each.
 */
public final class SmallSampleRun {
  public static final long SEED = 11;
  private static GeneratedRun run;

  private SmallSampleRun() {}

  public static synchronized GeneratedRun get(SparkSession spark) {
    if (run == null) {
      Path tmp;
      try {
        tmp = Files.createTempDirectory("bdhvs-small-run-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(tmp)));
      run = GeneratedRun.of(spark, tmp, Scale.SMALL, SEED);
    }
    return run;
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // Only a temporary folder left behind.
    }
  }
}
