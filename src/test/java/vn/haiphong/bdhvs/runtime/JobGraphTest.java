package vn.haiphong.bdhvs.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class JobGraphTest {

  private static JobGraph.Node job(String name, String... dependsOn) {
    return new JobGraph.Node(name, "vn.haiphong.bdhvs.ingest.contest.ContestIngest", List.of(dependsOn), name);
  }

  private static String failure(JobGraph.Node... jobs) {
    return assertThrows(IllegalStateException.class, () -> new JobGraph(List.of(jobs))).getMessage();
  }

  @Test
  void load_readsThePipelineFile() {
    assertFalse(JobGraph.load().jobs().isEmpty());
  }

  @Test
  void load_everyJobClassInstantiatesToAJob() {
    for (JobGraph.Node node : JobGraph.load().jobs()) {
      assertTrue(node.instantiate() instanceof Job, node.name());
    }
  }

  @Test
  void inRunOrder_runsEveryJobAfterItsDependencies() {
    List<String> order = new JobGraph(List.of(job("cube", "ingest_a", "ingest_b"), job("report", "cube"),
        job("ingest_b", "ingest_a"), job("ingest_a"))).inRunOrder().stream().map(JobGraph.Node::name).toList();
    assertEquals(List.of("ingest_a", "ingest_b", "cube", "report"), order);
  }

  @Test
  void jobGraph_cycleFailsNamingTheJobsInIt() {
    String message = failure(job("start"), job("a", "start", "b"), job("b", "a"));
    assertTrue(message.contains("cycle") && message.contains("a, b") && !message.contains("start"), message);
  }

  @Test
  void jobGraph_unknownDependencyFailsNamingIt() {
    String message = failure(job("a"), job("b", "nowhere"));
    assertEquals("job b depends on unknown job nowhere", message);
  }

  @Test
  void jobGraph_jobWritingAsideAfterAPublishedOneFailsNamingBoth() {
    JobGraph.Node report = new JobGraph.Node("report", "vn.haiphong.bdhvs.report.ReportJob", List.of(), "", true);
    String message = failure(report, job("cube", "report"));
    assertTrue(message.contains("job cube depends on report") && message.contains("afterPublish"), message);
  }

  @Test
  void load_publishesBeforeTheDuckDbFileAndTheReports() {
    List<String> after = JobGraph.load().inRunOrder().stream().filter(JobGraph.Node::afterPublish)
        .map(JobGraph.Node::name).toList();
    assertEquals(List.of("build_warehouse", "write_report"), after);
  }

  @Test
  void jobGraph_duplicateNameFailsNamingIt() {
    String message = failure(job("a"), job("a"));
    assertTrue(message.contains("names job a twice"), message);
  }

  @Test
  void instantiate_classThatIsNotAJobFailsNamingIt() {
    JobGraph.Node notAJob = new JobGraph.Node("x", "java.lang.Object", List.of(), "");
    String message = assertThrows(IllegalStateException.class, notAJob::instantiate).getMessage();
    assertTrue(message.contains("java.lang.Object") && message.contains("job x"), message);
  }
}
