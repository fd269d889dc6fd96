package vn.haiphong.bdhvs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.bdhvs.ConcurrentNights;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.job.JobGraph;

/** A new deployment: any source may have delivered nothing yet, and the night still runs to its end. */
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneSourceRunTest extends SharedSpark {
  /** One small delivery per source. */
  private static final Map<String, Map.Entry<String, String>> ONLY = Map.of(
      "contest", Map.entry("contest/2025-11-01/visits.csv", "Ngày,Lượt truy cập,Người dùng duy nhất\n01/11/2025,100,10\n"),
      "course", Map.entry("course/national-mooc/2025-11-30/statements.jsonl",
          "{\"id\":\"S1\",\"actor\":{\"account\":{\"homePage\":\"https://mooc.example.vn\",\"name\":\"u1\"}},"
              + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"},"
              + "\"object\":{\"id\":\"https://mooc.example.vn/course/MOOC-CDS-01\"},\"timestamp\":\"2025-11-30T08:30:00Z\"}\n"),
      "telecom", Map.entry("telecom/2025-11/speedtest.csv",
          "ward_code,month,network_type,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices\n11560,2025-11,fixed,313000,233410,9,10,5\n"),
      "unit-reports", Map.entry("unit-reports/2025-12-02/a.json",
          "{\"schema_version\":1,\"report_id\":\"r1\",\"unit_code\":\"UB-11560\",\"period\":\"2025-11\",\"period_type\":\"month\","
              + "\"submitted_at\":\"2025-12-02T09:00:00+07:00\",\"metrics\":[{\"code\":\"officials_total\","
              + "\"target_group\":\"public_sector\",\"value\":10}]}"));

  private final Map<String, PipelineRun.Outcome> nights = new TreeMap<>();
  private Path tmp;

  /** The four nights, one landing each, two at a time ({@link ConcurrentNights}). */
  @BeforeAll
  void runEachSourceAlone(@TempDir Path tmp) {
    runBefore();
    this.tmp = tmp;
    List<String> sources = List.copyOf(new TreeSet<>(ONLY.keySet()));
    List<Function<SparkSession, PipelineRun.Outcome>> runs = new ArrayList<>();
    for (String source : sources) {
      Map.Entry<String, String> file = ONLY.get(source);
      TestLanding landing = new TestLanding(tmp.resolve(source).resolve("landing")).file(file.getKey(), file.getValue());
      runs.add(session -> landing.run(session, tmp.resolve(source).resolve("warehouse"), LocalDate.of(2025, 12, 10)));
    }
    List<PipelineRun.Outcome> outcomes = ConcurrentNights.run(spark(), runs);
    for (int i = 0; i < sources.size(); i++) {
      nights.put(sources.get(i), outcomes.get(i));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"contest", "course", "telecom", "unit-reports"})
  void landingWithOneSourceOnly_runsEveryJobAndReadsItsFile(String source) throws Exception {
    Map.Entry<String, String> file = ONLY.get(source);
    PipelineRun.Outcome outcome = nights.get(source);
    JsonNode manifest = new ObjectMapper().readTree(Path.of(outcome.manifestPath()).toFile());
    assertEquals("succeeded", manifest.get("status").asText());
    assertEquals(JobGraph.load().inRunOrder().size(), outcome.results().size());
    JsonNode read = manifest.get("sources").get(source).get("files").get(0);
    assertEquals(file.getKey(), read.get("path").asText());
    assertEquals(1, read.get("rows_accepted").asLong());
    assertTrue(tmp.resolve(source).resolve("warehouse/reports/2025-12.html").toFile().isFile());
  }
}
