package vn.haiphong.bdhvs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.bench.CubeBenchmark;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.runtime.SparkSessions;

/** {@code bdhvs bench-cube}: the indicator cube by Spark and by DuckDB on one warehouse's staged Parquet. */
@Command(name = "bench-cube", mixinStandardHelpOptions = true,
    description = "Time the indicator cube built by Spark and by DuckDB, in this one process, from the same"
        + " staged Parquet, and check both give the same rows.",
    footer = {"", "Examples:",
        "  bdhvs bench-cube --warehouse demo/warehouse",
        "  bdhvs bench-cube --warehouse /data/wh --month 2025-11 --rounds 3 --json cube-bench.json",
        "", "Exit 0 when the rows are the same, 1 when they differ. bench/run.sh runs it at city scale."})
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "a local warehouse a run has filled (staged/ and cubes/)")
  Path warehouse;

  @Option(names = "--month", description = "build every month up to this one (default: the latest month of cubes/indicator_cube)")
  YearMonth month;

  @Option(names = "--rounds", defaultValue = "3", description = "builds per engine (default ${DEFAULT-VALUE})")
  int rounds;

  @Option(names = "--json", description = "also write the figures to this JSON file")
  Path json;

  @Option(names = "--shuffle-partitions", defaultValue = "8", description = "Spark shuffle partitions (default ${DEFAULT-VALUE})")
  int shufflePartitions;

  @Override
  public Integer call() throws SQLException {
    if (!Files.isDirectory(warehouse.resolve("staged"))) {
      throw new UserError("no staged tables under " + warehouse + ": run the pipeline into it first"
          + " (bdhvs run --landing DIR --warehouse " + warehouse + ")");
    }
    YearMonth runMonth = month != null ? month : latestCubeMonth();
    SparkSession spark = SparkSessions.create(System.getProperty("spark.master") != null ? null : "local[*]",
        shufflePartitions);
    Path scratch = warehouse.toAbsolutePath().resolve(".bench-cube");
    CubeBenchmark.Result r = CubeBenchmark.run(spark, warehouse, runMonth, rounds, scratch,
        line -> System.out.println("bdhvs: " + line));
    System.out.printf("bdhvs: indicator cube %s..%s, %d rows%n", r.months().get(0), runMonth, r.sparkRows());
    System.out.printf("bdhvs: Spark  median %.1f s (%.1f-%.1f), CPU %.1f s%n", r.spark().median(), r.spark().min(),
        r.spark().max(), r.spark().cpuMedian());
    System.out.printf("bdhvs: DuckDB median %.1f s (%.1f-%.1f), CPU %.1f s%n", r.duckdb().median(), r.duckdb().min(),
        r.duckdb().max(), r.duckdb().cpuMedian());
    System.out.printf("bdhvs: Spark / DuckDB = %.2f (CPU %.2f); same rows: %s%n", r.spark().median() / r.duckdb().median(),
        r.spark().cpuMedian() / r.duckdb().cpuMedian(), r.comparison().equal() ? "yes" : "NO " + r.comparison());
    if (json != null) {
      writeJson(r, runMonth);
    }
    return r.comparison().equal() ? Main.OK : 1;
  }

  private YearMonth latestCubeMonth() {
    Path cube = warehouse.resolve("cubes/indicator_cube");
    try (Stream<Path> parts = Files.isDirectory(cube) ? Files.list(cube) : Stream.empty()) {
      return parts.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("month="))
          .map(n -> YearMonth.parse(n.substring("month=".length()))).max(YearMonth::compareTo)
          .orElseThrow(() -> new UserError("no indicator cube under " + cube + " to take the month from: give --month yyyy-MM"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeJson(CubeBenchmark.Result r, YearMonth runMonth) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("months", r.months().get(0) + ".." + runMonth);
    out.put("rows", r.sparkRows());
    out.put("spark_seconds", r.spark().seconds());
    out.put("duckdb_seconds", r.duckdb().seconds());
    out.put("spark_cpu_seconds", r.spark().cpuSeconds());
    out.put("duckdb_cpu_seconds", r.duckdb().cpuSeconds());
    out.put("spark_median_seconds", r.spark().median());
    out.put("duckdb_median_seconds", r.duckdb().median());
    out.put("spark_median_cpu_seconds", r.spark().cpuMedian());
    out.put("duckdb_median_cpu_seconds", r.duckdb().cpuMedian());
    out.put("spark_over_duckdb", r.spark().median() / r.duckdb().median());
    out.put("same_rows", r.comparison().equal());
    out.put("comparison", r.comparison());
    try {
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + json, e);
    }
  }
}
