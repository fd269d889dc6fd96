package vn.haiphong.bdhvs.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.bdhvs.DebianPackage;
import vn.haiphong.bdhvs.cli.Main;
import vn.haiphong.bdhvs.job.JobGraph;

/**
 * dags/bdhvs_nightly.py against jobs/pipeline.json, without Airflow (it cannot be installed here):
 * Debian's python3 runs src/test/python/check_dag.py, which reads the DAG file's top level with
 * ast and executes the file over stand-ins of the airflow modules that record its tasks and edges,
 * once with Airflow 3's import path and once with Airflow 2's.
 */
class NightlyDagFileTest {
  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path DAG_FILE = Path.of("dags/bdhvs_nightly.py");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private static JsonNode check(Path dagFile, String airflowMajor, Map<String, String> env, String... more) {
    DebianPackage.ensure(PYTHON, "python3");
    List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "src/test/python/check_dag.py",
        dagFile.toString(), "--airflow", airflowMajor));
    command.addAll(List.of(more));
    try {
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.environment().remove("BDHVS_PIPELINE_JSON");
      pb.environment().remove("BDHVS_ALERT_WEBHOOK");
      pb.environment().remove("BDHVS_ALERT_EMAIL");
      pb.environment().putAll(env);
      Process p = pb.start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError("check_dag.py failed: " + err);
      }
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static JsonNode onlyDag(JsonNode report) {
    assertEquals(1, report.get("dags").size(), "the file builds one DAG");
    JsonNode dag = report.get("dags").get(0);
    assertTrue(dag.get("registered").asBoolean(), "the DAG is a global of the file, where Airflow finds it");
    return dag;
  }

  private static TreeSet<String> edgesOf(JobGraph graph) {
    TreeSet<String> edges = new TreeSet<>();
    graph.jobs().forEach(job -> job.dependsOn().forEach(up -> edges.add(up + " >> " + job.name())));
    return edges;
  }

  private static TreeSet<String> edgesOf(JsonNode dag) {
    TreeSet<String> edges = new TreeSet<>();
    dag.get("edges").forEach(e -> edges.add(e.get(0).asText() + " >> " + e.get(1).asText()));
    return edges;
  }

  private static List<String> taskIds(JsonNode dag) {
    List<String> ids = new ArrayList<>();
    dag.get("tasks").forEach(t -> ids.add(t.get("kwargs").get("task_id").asText()));
    return ids;
  }

  @ParameterizedTest(name = "Airflow {0}")
  @ValueSource(strings = {"2", "3"})
  void tasksAndEdges_areTheJobGraph(String airflowMajor) {
    JobGraph graph = JobGraph.load();
    JsonNode dag = onlyDag(check(DAG_FILE, airflowMajor, Map.of()));
    assertEquals(graph.jobs().stream().map(JobGraph.Node::name).toList(), taskIds(dag));
    assertEquals(edgesOf(graph), edgesOf(dag));
  }

  @Test
  void everyTask_submitsTheJarToRunItsJobForTheRunDate() {
    JsonNode dag = onlyDag(check(DAG_FILE, "3", Map.of()));
    for (JsonNode task : dag.get("tasks")) {
      JsonNode kw = task.get("kwargs");
      String job = kw.get("task_id").asText();
      assertEquals(Main.class.getName(), kw.get("java_class").asText());
      assertEquals("bdhvs_spark", kw.get("conn_id").asText());
      assertEquals("{{ var.value.bdhvs_jar }}", kw.get("application").asText());
      assertEquals(List.of("run", "--job", job, "--date", "{{ ds }}", "--landing", "{{ var.value.bdhvs_landing }}",
          "--warehouse", "{{ var.value.bdhvs_warehouse }}", "--key-file", "{{ var.value.bdhvs_key_file }}"),
          JSON.convertValue(kw.get("application_args"), List.class));
    }
  }

  @Test
  void schedule_isThePipelineFilesNightInItsTimeZoneWithCatchupAndOneRunAtATime() {
    JobGraph.Schedule schedule = JobGraph.load().schedule();
    JsonNode kw = onlyDag(check(DAG_FILE, "2", Map.of())).get("created").get("kwargs");
    assertEquals(schedule.dagId(), kw.get("dag_id").asText());
    JsonNode timetable = kw.get("schedule");
    assertEquals("CronTriggerTimetable", timetable.get("kind").asText());
    assertEquals(schedule.cron(), timetable.get("args").get(0).asText());
    assertEquals(schedule.timezone(), timetable.get("kwargs").get("timezone").get("args").get(0).asText());
    JsonNode start = kw.get("start_date");
    assertEquals(schedule.startDate(), String.format("%04d-%02d-%02d", start.get("args").get(0).asInt(),
        start.get("args").get(1).asInt(), start.get("args").get(2).asInt()));
    assertEquals(schedule.timezone(), start.get("kwargs").get("tz").get("args").get(0).asText());
    assertTrue(kw.get("catchup").asBoolean());
    assertEquals(1, kw.get("max_active_runs").asInt());
    assertEquals(1, kw.get("max_active_tasks").asInt(), "one writer at a time: the run lock");
  }

  @Test
  void defaultArgs_retryWithGrowingDelaysAndAlertOnFailure() {
    JsonNode args = onlyDag(check(DAG_FILE, "3", Map.of("BDHVS_ALERT_EMAIL", "ops@hp.test, data@hp.test")))
        .get("created").get("kwargs").get("default_args");
    assertTrue(args.get("retries").asInt() >= 2, args.toString());
    assertTrue(args.get("retry_exponential_backoff").asBoolean());
    assertTrue(args.get("retry_delay").get("seconds").asDouble() > 0);
    assertTrue(args.get("email_on_failure").asBoolean());
    assertEquals("[\"ops@hp.test\",\"data@hp.test\"]", args.get("email").toString());
    assertEquals("alert_failure", args.get("on_failure_callback").get("callable").asText());
  }

  @Test
  void failureCallback_postsWhichJobFailedForWhichDateToTheWebhook() throws Exception {
    AtomicReference<String> posted = new AtomicReference<>();
    HttpServer hook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    hook.createContext("/hook", exchange -> {
      posted.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    hook.start();
    try {
      String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";
      JsonNode report = check(DAG_FILE, "3", Map.of("BDHVS_ALERT_WEBHOOK", url), "--fail-task", "build_cubes");
      assertEquals("alert_failure", report.get("alert").get("called").asText());
    } finally {
      hook.stop(0);
    }
    String text = JSON.readTree(posted.get()).get("text").asText();
    assertTrue(text.contains("build_cubes failed for 2025-12-10") && text.contains("spark-submit exited with code 1")
        && text.contains("http://airflow.test/log"), text);
  }

  @Test
  void dag_buildsItsTasksFromThePipelineFileItIsGiven() throws IOException {
    ObjectNode pipeline = (ObjectNode) JSON.readTree(Path.of("jobs/pipeline.json").toFile());
    ArrayNode jobs = (ArrayNode) pipeline.get("jobs");
    jobs.insertObject(0).put("name", "ingest_survey").put("className", "x.SurveyIngest").put("description", "a new source")
        .putArray("dependsOn");
    for (JsonNode job : jobs) {
      if (job.get("name").asText().equals("build_cubes")) {
        ((ArrayNode) job.get("dependsOn")).add("ingest_survey");
      }
    }
    Path file = tmp.resolve("pipeline.json");
    JSON.writeValue(file.toFile(), pipeline);

    JsonNode dag = onlyDag(check(DAG_FILE, "2", Map.of("BDHVS_PIPELINE_JSON", file.toString())));

    assertEquals("ingest_survey", taskIds(dag).get(0));
    assertTrue(edgesOf(dag).contains("ingest_survey >> build_cubes"), edgesOf(dag).toString());
  }

  @Test
  void topLevel_isImportsConstantsFunctionsAndTheOneCallThatBuildsTheDag() throws IOException {
    assertEquals("[]", check(DAG_FILE, "3", Map.of()).get("top_level_violations").toString());

    Path withLogic = tmp.resolve("bdhvs_nightly.py");
    Files.writeString(withLogic, Files.readString(DAG_FILE).replace("\ndag = nightly_dag()\n",
        "\nJOBS = json.loads(pipeline_path().read_text())\ndag = nightly_dag()\nextra = nightly_dag()\n"));
    // The copy has no jobs/ beside its folder: point it at the real pipeline file.
    JsonNode violations = check(withLogic, "3", Map.of("BDHVS_PIPELINE_JSON", "jobs/pipeline.json"))
        .get("top_level_violations");
    assertEquals(2, violations.size(), violations.toString());
    assertTrue(violations.get(0).asText().startsWith("line ") && violations.get(0).asText().contains("JOBS = json.loads"),
        violations.toString());
    assertTrue(violations.get(1).asText().contains("2 top-level calls build a DAG"), violations.toString());
  }
}
