package vn.haiphong.bdhvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.generate.GenerationSummary;
import vn.haiphong.bdhvs.generate.Scale;
import vn.haiphong.bdhvs.generate.SyntheticLanding;
import vn.haiphong.bdhvs.runtime.PipelineRun;

/**
 * A generated landing, what the generator knows about it ({@code _generated/expected.json}), a pipeline
 * run over it, and what the run printed on the console (stdout and stderr, for the privacy checks of its log).
 */
public record GeneratedRun(Path landing, Path warehouse, JsonNode expected, PipelineRun.Outcome outcome, String console) {

  /** Generates {@code scale} under {@code tmp} and runs the whole pipeline on its latest delivery day. */
  public static GeneratedRun of(SparkSession spark, Path tmp, Scale scale, long seed) {
    Path landing = tmp.resolve("landing");
    SyntheticLanding.generate(landing, scale, seed);
    JsonNode expected = expected(landing);
    Path warehouse = tmp.resolve("warehouse");
    ConsoleCapture.Captured<PipelineRun.Outcome> run =
        ConsoleCapture.of(() -> new TestLanding(landing).run(spark, warehouse, runDate(expected)));
    return new GeneratedRun(landing, warehouse, expected, run.value(), run.out() + run.err());
  }

  public static JsonNode expected(Path landing) {
    try {
      return new ObjectMapper().readTree(landing.resolve(GenerationSummary.EXPECTED_JSON).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Late unit reports arrive after the last regular delivery: the latest folder of all. */
  public static LocalDate runDate(JsonNode expected) {
    LocalDate lastDelivery = LocalDate.parse(expected.at("/generator/last_delivery").asText());
    for (JsonNode f : expected.get("files")) {
      String folder = f.get("path").asText().split("/")[f.get("path").asText().startsWith("course/") ? 2 : 1];
      if (folder.length() == 10 && LocalDate.parse(folder).isAfter(lastDelivery)) {
        lastDelivery = LocalDate.parse(folder);
      }
    }
    return lastDelivery;
  }

  /** A number the generator states in {@code facts}. */
  public double fact(String name) {
    JsonNode v = expected.at("/facts/" + name);
    if (!v.isNumber()) {
      throw new AssertionError("the generator states no fact " + name);
    }
    return v.asDouble();
  }

  /** A single number from the run's bdhvs.duckdb: {@code sql}'s first column of its first row. */
  public long count(String sql) throws java.sql.SQLException {
    try (java.sql.Connection c = new vn.haiphong.bdhvs.warehouse.DuckDbWarehouse(warehouse).openReadOnly();
        java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }
}
