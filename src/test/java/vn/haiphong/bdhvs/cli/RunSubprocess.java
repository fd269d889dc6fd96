package vn.haiphong.bdhvs.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A {@code bdhvs run} in a JVM of its own, as an operator or Airflow starts it: what fault tests kill and signal. */
final class RunSubprocess {
  private RunSubprocess() {}

  static ProcessBuilder of(String heap, String... runArguments) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // Spark's Java 17 flags, as the test JVM got them from the build; bin/bdhvs's collector; a quick-starting JIT for a short run.
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("--add-opens") || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions") || a.startsWith("-Djdk.reflect"))
        .forEach(command::add);
    command.addAll(List.of(heap, "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", "--master", "local[1]", "--shuffle-partitions", "2"));
    command.addAll(List.of(runArguments));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return builder;
  }
}
