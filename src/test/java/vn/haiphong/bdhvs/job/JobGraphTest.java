package vn.haiphong.bdhvs.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.errors.UserError;

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

  @Test
  void load_readsTheNightlySchedule() {
    JobGraph.Schedule schedule = JobGraph.load().schedule();
    assertEquals("bdhvs_nightly", schedule.dagId());
    assertEquals(LocalTime.of(1, 0), schedule.timeOfDay());
    assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), schedule.zone());
  }

  @Test
  void schedule_cronThatIsNotDailyFailsNamingIt() {
    String message = assertThrows(IllegalStateException.class,
        () -> new JobGraph.Schedule("d", "0 1 * * 1", "Asia/Ho_Chi_Minh", null)).getMessage();
    assertTrue(message.contains("'0 1 * * 1'") && message.contains("daily"), message);
  }

  @Test
  void schedule_unknownTimeZoneFailsNamingIt() {
    String message = assertThrows(IllegalStateException.class,
        () -> new JobGraph.Schedule("d", "0 1 * * *", "Asia/Hai_Phong", null)).getMessage();
    assertTrue(message.contains("Asia/Hai_Phong"), message);
  }

  @Test
  void only_keepsTheNamedJobsInRunOrder() {
    JobGraph graph = new JobGraph(List.of(job("cube", "ingest_a", "ingest_b"), job("report", "cube"),
        job("ingest_b"), job("ingest_a")));
    assertEquals(List.of("ingest_a", "report"),
        graph.only(List.of("report", "ingest_a")).stream().map(JobGraph.Node::name).toList());
  }

  @Test
  void only_unknownJobIsTheUsersMistakeListingTheJobs() {
    JobGraph graph = new JobGraph(List.of(job("ingest_a"), job("cube", "ingest_a")));
    String message = assertThrows(UserError.class, () -> graph.only(List.of("cubes"))).getMessage();
    assertEquals("--job cubes: jobs/pipeline.json has no such job; its jobs are ingest_a, cube", message);
  }
}
