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
