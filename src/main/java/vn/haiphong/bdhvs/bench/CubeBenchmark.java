package vn.haiphong.bdhvs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.duckdb.DuckDBDriver;
import vn.haiphong.bdhvs.cube.CubeInputs;
import vn.haiphong.bdhvs.cube.CubeJob;
import vn.haiphong.bdhvs.cube.CubeReference;
import vn.haiphong.bdhvs.cube.IndicatorCube;
import vn.haiphong.bdhvs.cube.IndicatorCubeSql;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.Sql;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * The indicator cube built by Spark and by DuckDB in one process, from the same staged Parquet and
 * the same reference, each writing month-partitioned Parquet as the cube job does; then the two
 * outputs compared row for row. Spark runs first in each round, so its JIT warm-up shows in round 1.
 */
public final class CubeBenchmark {
  /**
   * Seconds of each round: wall clock, and CPU of the whole process (every thread, DuckDB's native
   * ones and the JIT and GC included) — on a shared machine the wall clock mostly measures the others.
   */
  public record Timing(List<Double> seconds, List<Double> cpuSeconds) {
    public double median() {
      return median(seconds);
    }

    public double cpuMedian() {
      return median(cpuSeconds);
    }

    private static double median(List<Double> values) {
      List<Double> sorted = values.stream().sorted().toList();
      int n = sorted.size();
      return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    public double min() {
      return seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    public double max() {
      return seconds.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
  }

  /** What a benchmark found: the months, rows, both timings and whether the rows are the same. */
  public record Result(List<YearMonth> months, long sparkRows, long duckdbRows, Timing spark, Timing duckdb,
      IndicatorCubeSql.Comparison comparison) {}

  private CubeBenchmark() {}

  /**
   * Builds the cube of every month up to {@code runMonth} {@code rounds} times with each engine into
   * {@code scratch} (emptied first, removed at the end), then compares the last outputs.
   */
  public static Result run(SparkSession spark, Path root, YearMonth runMonth, int rounds, Path scratch,
      Consumer<String> progress) throws SQLException {
    Warehouse warehouse = new Warehouse(root.toAbsolutePath().toString(), spark.sparkContext().hadoopConfiguration(), "bench");
    CubeInputs in = CubeJob.read(spark, warehouse);
    WardDirectory wards = WardDirectory.load();
    YearMonth first = CubeJob.firstMonth(in);
    List<YearMonth> months = CubeReference.monthsBetween(first == null || first.isAfter(runMonth) ? runMonth : first, runMonth);
    // Judged as on the day after runMonth's reports fall due: every month built has all its figures.
    CubeReference ref = CubeReference.load(months, "bench", runMonth.plusMonths(1).atDay(6), wards,
        ReportingUnits.load(wards));
    Path sparkOut = scratch.resolve("spark");
    Path duckOut = scratch.resolve("duckdb");
    List<Double> sparkSeconds = new ArrayList<>();
    List<Double> duckSeconds = new ArrayList<>();
    List<Double> sparkCpu = new ArrayList<>();
    List<Double> duckCpu = new ArrayList<>();
    try {
      for (int round = 1; round <= rounds; round++) {
        delete(scratch);
        // The build caches frames it reads twice; a later round must not find them already computed.
        spark.catalog().clearCache();
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        Dataset<Row> cube = IndicatorCube.build(spark, in, ref);
        cube.write().mode(SaveMode.Overwrite).partitionBy("month").parquet(sparkOut.toString());
        sparkSeconds.add((System.nanoTime() - t0) / 1e9);
        sparkCpu.add((cpuNanos() - c0) / 1e9);
        t0 = System.nanoTime();
        c0 = cpuNanos();
        try (Connection c = duckdb(); Statement s = c.createStatement()) {
          IndicatorCubeSql.build(c, root, ref, "indicator_cube");
          s.execute("COPY indicator_cube TO " + Sql.literal(duckOut.toString()) + " (FORMAT parquet, PARTITION_BY (month))");
        }
        duckSeconds.add((System.nanoTime() - t0) / 1e9);
        duckCpu.add((cpuNanos() - c0) / 1e9);
        progress.accept(String.format("round %d of %d: Spark %.1f s (CPU %.1f s), DuckDB %.1f s (CPU %.1f s)", round,
            rounds, sparkSeconds.get(round - 1), sparkCpu.get(round - 1), duckSeconds.get(round - 1),
            duckCpu.get(round - 1)));
      }
      try (Connection c = duckdb()) {
        IndicatorCubeSql.Comparison same = IndicatorCubeSql.compare(c, parquet(sparkOut), parquet(duckOut));
        return new Result(ref.months(), same.leftRows(), same.rightRows(), new Timing(sparkSeconds, sparkCpu),
            new Timing(duckSeconds, duckCpu), same);
      }
    } finally {
      delete(scratch);
    }
  }

  /** CPU time of every thread of this process so far. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static Connection duckdb() throws SQLException {
    return new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
  }

  private static String parquet(Path folder) {
    return "read_parquet(" + Sql.literal(folder + "/**/*.parquet")
        + ", hive_partitioning = true, hive_types_autocast = false)";
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot empty " + folder, e);
    }
  }
}
