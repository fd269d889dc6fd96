package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.job.JobGraph;

/** Source freshness when every Airflow task writes a manifest of its own. */
class LatestRunTest {
  @TempDir Path warehouse;

  private void manifest(String runId, String jobs, String sources) throws IOException {
    Files.createDirectories(warehouse.resolve("runs"));
    Files.writeString(warehouse.resolve("runs/" + runId + ".json"), "{\"run_id\": \"" + runId + "\", \"status\": \"succeeded\", "
        + "\"finished_at\": \"t\"" + (jobs == null ? "" : ", \"jobs\": " + jobs) + ", \"sources\": {" + sources + "}}");
  }

  private static String source(String name, String path) {
    return "\"" + name + "\": {\"rows_read\": 1, \"rows_rejected\": 0, \"files\": [{\"path\": \"" + path + "\"}]}";
  }

  private static String freshness(LatestRun run) {
    return run.sources().stream().map(s -> s.source() + "@" + s.latestDelivery()).collect(Collectors.joining(" "));
  }

  @Test
  void read_takesEachSourceFromTheNewestManifestThatHasIt() throws IOException {
    manifest("run-20251209T180000Z", null, source("ghost", "ghost/2025-12-01/x.csv"));
    manifest("run-20251210T180000Z", null, source("contest", "contest/2025-12-09/visits.csv") + ", "
        + source("telecom", "telecom/2025-11/speedtest.csv"));
    manifest("run-20251211T180001Z-ingest_contest", "[\"ingest_contest\"]", source("contest", "contest/2025-12-10/visits.csv"));
    manifest("run-20251211T180500Z-build_warehouse", "[\"build_warehouse\"]", "\"warehouse\": {\"files\": []}");

    LatestRun run = LatestRun.read(warehouse).orElseThrow();

    assertEquals("run-20251211T180500Z-build_warehouse", run.runId());
    assertEquals("warehouse@null contest@2025-12-10 telecom@2025-11", freshness(run),
        "reading stops at the whole-pipeline run: the older ghost source is gone from the pipeline");
  }

  /**
   * A night that kept a table as published did not test it: the table's test comes from the run that wrote it,
   * while the sources still come from the newest whole-pipeline run.
   */
  @Test
  void read_takesEachTablesTestsFromTheNewestManifestThatTestedIt() throws IOException {
    Files.createDirectories(warehouse.resolve("staged/contest_visits"));
    Files.createDirectories(warehouse.resolve("quality/validation_violations"));
    Files.createDirectories(warehouse.resolve("runs"));
    Files.writeString(warehouse.resolve("runs/run-20251209T180000Z.json"), "{\"run_id\": \"run-20251209T180000Z\", "
        + "\"sources\": {" + source("contest", "contest/2025-12-08/visits.csv") + "}, \"data_tests\": ["
        + test("contest_visits", "visits_not_null", 0) + ", " + test("validation_violations", "rule_id_not_null", 2) + "]}");
    Files.writeString(warehouse.resolve("runs/run-20251210T180000Z.json"), "{\"run_id\": \"run-20251210T180000Z\", "
        + "\"sources\": {" + source("contest", "contest/2025-12-09/visits.csv") + "}, \"data_tests\": ["
        + test("contest_visits", "date_not_null", 0) + "]}");

    LatestRun run = LatestRun.read(warehouse).orElseThrow();

    assertEquals("contest@2025-12-09", freshness(run));
    assertEquals(List.of("contest_visits date_not_null 0", "validation_violations rule_id_not_null 2"),
        run.dataTests().stream().map(t -> t.table() + " " + t.expectation() + " " + t.failingRows()).sorted().toList());
  }

  private static String test(String table, String expectation, long failing) {
    return "{\"table_name\": \"" + table + "\", \"expectation\": \"" + expectation + "\", \"kind\": \"not_null\", "
        + "\"severity\": \"error\", \"failing_rows\": " + failing + "}";
  }

  @Test
  void read_stopsOnceEveryJobOfTheGraphHasAManifest() throws IOException {
    manifest("run-20251210T180000Z-ingest_ghost", "[\"ingest_ghost\"]", source("ghost", "ghost/2025-12-01/e.csv"));
    List<String> jobs = JobGraph.load().jobs().stream().map(JobGraph.Node::name).toList();
    for (int i = 0; i < jobs.size(); i++) {
      String job = jobs.get(i);
      manifest("run-20251211T18000" + i + "Z-" + job, "[\"" + job + "\"]",
          job.equals("ingest_course") ? source("course", "course/city-lms/2025-12-10/e.csv") : "");
    }

    assertEquals("course@2025-12-10", freshness(LatestRun.read(warehouse).orElseThrow()));
  }
}
