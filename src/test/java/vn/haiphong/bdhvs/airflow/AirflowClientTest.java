package vn.haiphong.bdhvs.airflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.job.JobGraph;

/** The client and the nightly DAG's runs against an in-process Airflow speaking v1 or v2. */
class AirflowClientTest {
  private static final AirflowClient.Retry FAST = new AirflowClient.Retry(3, Duration.ofMillis(1));
  private static final JobGraph.Schedule SCHEDULE = JobGraph.load().schedule();
  private static final LocalDate DATE = LocalDate.of(2025, 12, 10);
  private static final Instant NIGHT = Instant.parse("2025-12-10T18:00:00Z");

  private FakeAirflow airflow;

  @AfterEach
  void stop() {
    if (airflow != null) {
      airflow.close();
    }
  }

  private FakeAirflow start(AirflowApi api) {
    airflow = new FakeAirflow(api);
    return airflow;
  }

  private AirflowClient client(String user, String password) {
    return AirflowClient.connect(airflow.url(), user, password, null, FAST);
  }

  private NightlyDag nightly() {
    return new NightlyDag(client(FakeAirflow.USER, FakeAirflow.PASSWORD), FakeAirflow.DAG, SCHEDULE);
  }

  private List<String> lines() {
    return airflow.requests().stream().map(FakeAirflow.Request::line).toList();
  }

  @Test
  void logicalDate_isTheNightsTriggerWhoseUtcDateIsTheRunDate() {
    assertEquals(NIGHT, NightlyDag.logicalDate(DATE, SCHEDULE), "01:00 on 11 December in Hải Phòng");
    JobGraph.Schedule bogota = new JobGraph.Schedule("d", "30 2 * * *", "America/Bogota", null);
    assertEquals(Instant.parse("2025-12-10T07:30:00Z"), NightlyDag.logicalDate(DATE, bogota));
    assertEquals(DATE, new DagRun("r", NIGHT, "success").runDate());
  }

  @Test
  void connect_asksV2FirstThenV1() {
    start(AirflowApi.V2);
    AirflowClient v2 = client(null, null);
    assertEquals(AirflowApi.V2, v2.api());
    assertEquals("3.0.6", v2.version());
    airflow.close();

    start(AirflowApi.V1);
    AirflowClient v1 = client(null, null);
    assertEquals(AirflowApi.V1, v1.api());
    assertEquals("2.10.5", v1.version());
    assertEquals(List.of("GET /api/v2/version", "GET /api/v1/version"), lines());
  }

  @Test
  void connect_noAirflowThere_isTheUsersToFixNamingWhatWasAsked() {
    start(AirflowApi.V2);
    String message = assertThrows(UserError.class,
        () -> AirflowClient.connect(airflow.url(), null, null, AirflowApi.V1, FAST)).getMessage();
    assertTrue(message.contains("no Airflow REST API v1 answers there (GET /api/v1/version answered 404)"), message);
    String badUrl = assertThrows(UserError.class,
        () -> AirflowClient.connect("airflow:8080", null, null, null, FAST)).getMessage();
    assertTrue(badUrl.startsWith("--url 'airflow:8080': expected the address"), badUrl);
  }

  @Test
  void connect_nothingListening_failsAfterItsTries() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    AirflowUnavailable e = assertThrows(AirflowUnavailable.class,
        () -> AirflowClient.connect("http://127.0.0.1:" + port, null, null, null, FAST));
    assertTrue(e.getMessage().contains("no answer from Airflow at http://127.0.0.1:" + port + " after 3 tries"), e.getMessage());
  }

  @Test
  void trigger_v2_logsInForATokenThenPostsTheSpecsBodyWithIt() {
    start(AirflowApi.V2);
    DagRun run = nightly().trigger(DATE);

    assertEquals(new DagRun("bdhvs__2025-12-10", NIGHT, "queued"), run);
    List<FakeAirflow.Request> requests = airflow.requests();
    assertEquals(List.of("GET /api/v2/version", "POST /auth/token", "POST /api/v2/dags/bdhvs_nightly/dagRuns"), lines());
    assertNull(requests.get(1).authorization());
    assertEquals("{\"username\":\"bdhvs\",\"password\":\"s3cret\"}", requests.get(1).body().toString());
    assertEquals("Bearer token-1", requests.get(2).authorization());
    assertEquals("{\"dag_run_id\":\"bdhvs__2025-12-10\",\"logical_date\":\"2025-12-10T18:00:00Z\",\"conf\":{}}",
        requests.get(2).body().toString());
  }

  @Test
  void trigger_v1_postsTheSameRunWithBasicAuth() {
    start(AirflowApi.V1);
    DagRun run = nightly().trigger(DATE);

    assertEquals(new DagRun("bdhvs__2025-12-10", NIGHT, "queued"), run);
    FakeAirflow.Request post = airflow.requests().get(2);
    assertEquals("POST /api/v1/dags/bdhvs_nightly/dagRuns", post.line());
    assertEquals("Basic " + Base64.getEncoder().encodeToString("bdhvs:s3cret".getBytes(StandardCharsets.UTF_8)),
        post.authorization());
    assertEquals("{\"dag_run_id\":\"bdhvs__2025-12-10\",\"logical_date\":\"2025-12-10T18:00:00Z\",\"conf\":{}}",
        post.body().toString());
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void trigger_dateThatAlreadyHasARun_409_namesTheRunAndWhatToDo(AirflowApi api) {
    start(api).scheduledRun(NIGHT, "success");
    String message = assertThrows(UserError.class, () -> nightly().trigger(DATE)).getMessage();
    assertEquals("DAG bdhvs_nightly already has a run for 2025-12-10 (run scheduled__2025-12-10T18:00:00+00:00, success):"
        + " follow it with 'bdhvs airflow status --date 2025-12-10', or clear it in Airflow to run it again", message);
  }

  @Test
  void wrongPassword_v2_401_saysWhoCouldNotLogIn() {
    start(AirflowApi.V2);
    NightlyDag dag = new NightlyDag(client(FakeAirflow.USER, "wrong"), FakeAirflow.DAG, SCHEDULE);
    String message = assertThrows(UserError.class, () -> dag.trigger(DATE)).getMessage();
    assertEquals("cannot log in as 'bdhvs' (to trigger run bdhvs__2025-12-10 of DAG bdhvs_nightly): Airflow at "
        + airflow.url() + " answered 401 Unauthorized (Invalid credentials);"
        + " check --user and --password (or BDHVS_AIRFLOW_USER and BDHVS_AIRFLOW_PASSWORD)", message);
  }

  @Test
  void noUser_v1_401_readsTheProblemDetails() {
    start(AirflowApi.V1);
    NightlyDag dag = new NightlyDag(client(null, null), FakeAirflow.DAG, SCHEDULE);
    String message = assertThrows(UserError.class, () -> dag.run("bdhvs__2025-12-10")).getMessage();
    assertTrue(message.contains("answered 401 Unauthorized (Unauthorized); check --user and --password"), message);
    assertNull(airflow.requests().get(2).authorization());
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void unknownDag_404_saysWhatAirflowSaidAndWhatToCheck(AirflowApi api) {
    start(api);
    NightlyDag dag = new NightlyDag(client(FakeAirflow.USER, FakeAirflow.PASSWORD), "nightly_typo", SCHEDULE);
    String message = assertThrows(UserError.class, () -> dag.trigger(DATE)).getMessage();
    String said = api == AirflowApi.V2 ? "(DAG with dag_id: 'nightly_typo' not found)"
        : "(DAG not found: DAG with dag_id: 'nightly_typo' not found)";
    assertEquals("cannot trigger run bdhvs__2025-12-10 of DAG nightly_typo: Airflow at " + airflow.url()
        + " answered 404 Not Found " + said + "; check --dag and the run, and that Airflow has parsed the DAG without import errors",
        message);
  }

  @Test
  void serverErrors_areRetriedUntilAnAnswer() {
    start(AirflowApi.V1).failNext(503, 502);
    assertEquals("queued", nightly().trigger(DATE).state());
    assertEquals(3, lines().stream().filter(l -> l.equals("POST /api/v1/dags/bdhvs_nightly/dagRuns")).count());
  }

  @Test
  void serverErrors_onEveryTry_failNotAsTheUsersMistake() {
    start(AirflowApi.V2);
    NightlyDag dag = nightly();
    dag.trigger(DATE);
    airflow.failNext(503, 503, 503);
    AirflowUnavailable e = assertThrows(AirflowUnavailable.class, () -> dag.run("bdhvs__2025-12-10"));
    assertEquals("cannot read run bdhvs__2025-12-10 of DAG bdhvs_nightly: Airflow at " + airflow.url()
        + " answered 503 Service Unavailable 3 times (Service Unavailable); try again later", e.getMessage());
  }

  @Test
  void lostAnswer_retriedTriggerFindsTheRunItsFirstTryMade() {
    start(AirflowApi.V2).loseNextTriggerAnswer();
    DagRun run = nightly().trigger(DATE);
    assertEquals("bdhvs__2025-12-10", run.runId());
    assertEquals(List.of("GET /api/v2/version", "POST /auth/token", "POST /api/v2/dags/bdhvs_nightly/dagRuns",
        "POST /api/v2/dags/bdhvs_nightly/dagRuns", "GET /api/v2/dags/bdhvs_nightly/dagRuns/bdhvs__2025-12-10"), lines());
  }

  @Test
  void expiredToken_v2_logsInAgainOnce() {
    start(AirflowApi.V2);
    NightlyDag dag = nightly();
    dag.trigger(DATE);
    airflow.expireTokens();
    assertEquals("running", dag.run("bdhvs__2025-12-10").state());
    List<FakeAirflow.Request> requests = airflow.requests();
    int n = requests.size();
    assertEquals("Bearer token-1", requests.get(n - 3).authorization(), "refused: expired");
    assertEquals("POST /auth/token", requests.get(n - 2).line());
    assertEquals("Bearer token-2", requests.get(n - 1).authorization());
    assertEquals("GET /api/v2/dags/bdhvs_nightly/dagRuns/bdhvs__2025-12-10", requests.get(n - 1).line());
  }

  @ParameterizedTest
  @EnumSource(AirflowApi.class)
  void on_findsTheScheduledRunOfADateAndReadsItByItsEncodedId(AirflowApi api) {
    start(api).scheduledRun(NIGHT.minus(Duration.ofDays(1)), "success").scheduledRun(NIGHT, "running", "failed")
        .scheduledRun(NIGHT.plus(Duration.ofDays(1)), "queued");
    NightlyDag dag = nightly();
    DagRun run = dag.on(DATE).orElseThrow();
    assertEquals("scheduled__2025-12-10T18:00:00+00:00", run.runId());
    assertEquals("failed", dag.run(run.runId()).state());
    assertTrue(lines().contains("GET " + api.path("/dags/bdhvs_nightly/dagRuns/scheduled__2025-12-10T18:00:00+00:00")), lines().toString());
    assertTrue(dag.on(DATE.plusDays(5)).isEmpty());
  }

  @Test
  void runs_pageThroughMoreRunsThanOnePage() {
    start(AirflowApi.V2);
    for (int day = 0; day < 130; day++) {
      airflow.scheduledRun(NIGHT.minus(Duration.ofDays(day)), "success");
    }
    List<DagRun> runs = nightly().runs(DATE.minusDays(129), DATE);
    assertEquals(130, runs.size());
    assertEquals(DATE.minusDays(129), runs.get(0).runDate());
    assertEquals(DATE, runs.get(129).runDate());
    assertEquals(2, lines().stream().filter(l -> l.startsWith("GET /api/v2/dags/bdhvs_nightly/dagRuns?")).count());
  }

  @Test
  void backfill_v2_isOneAirflowBackfillOneRunAtATime() {
    start(AirflowApi.V2).scheduledRun(NIGHT.minus(Duration.ofDays(1)), "success");
    NightlyDag dag = nightly();
    NightlyDag.Backfill backfill = dag.backfill(DATE.minusDays(2), DATE, "none", line -> { });

    FakeAirflow.Request post = airflow.requests().stream().filter(r -> r.line().equals("POST /api/v2/backfills")).findFirst().orElseThrow();
    assertEquals("{\"dag_id\":\"bdhvs_nightly\",\"from_date\":\"2025-12-08T18:00:00Z\",\"to_date\":\"2025-12-10T18:00:00Z\","
        + "\"run_backwards\":false,\"dag_run_conf\":{},\"reprocess_behavior\":\"none\",\"max_active_runs\":1}", post.body().toString());
    long id = backfill.airflowId();
    Polling polling = new Polling(Duration.ofMillis(1), Duration.ofSeconds(5));
    assertTrue(polling.until(() -> dag.backfillCompleted(id), done -> done));
    List<DagRun> runs = dag.runs(DATE.minusDays(2), DATE);
    assertEquals(List.of("backfill__2025-12-08T18:00:00+00:00", "scheduled__2025-12-09T18:00:00+00:00",
        "backfill__2025-12-10T18:00:00+00:00"), runs.stream().map(DagRun::runId).toList());
  }

  @Test
  void backfill_v2_whileAnotherRuns_409_isTheUsersToResolve() {
    start(AirflowApi.V2);
    NightlyDag dag = nightly();
    dag.backfill(DATE.minusDays(2), DATE, "none", line -> { });
    String message = assertThrows(UserError.class, () -> dag.backfill(DATE.minusDays(9), DATE.minusDays(5), "none", line -> { }))
        .getMessage();
    assertTrue(message.contains("answered 409 Conflict (There is already a running backfill for Dag bdhvs_nightly)"), message);
  }

  @Test
  void backfill_v1_triggersEveryDateAndKeepsTheRunsThatExist() {
    start(AirflowApi.V1).scheduledRun(NIGHT.minus(Duration.ofDays(1)), "success");
    List<String> progress = new ArrayList<>();
    NightlyDag.Backfill backfill = nightly().backfill(DATE.minusDays(2), DATE, "none", progress::add);

    assertNull(backfill.airflowId());
    assertEquals(List.of("2025-12-08: triggered bdhvs__2025-12-08, queued",
        "2025-12-09: already has scheduled__2025-12-09T18:00:00+00:00, success",
        "2025-12-10: triggered bdhvs__2025-12-10, queued"), progress);
    assertEquals(3, backfill.runs().size());
  }

  @Test
  void backfill_v1_reprocessNeedsAirflow3() {
    start(AirflowApi.V1);
    String message = assertThrows(UserError.class, () -> nightly().backfill(DATE, DATE, "failed", line -> { })).getMessage();
    assertTrue(message.startsWith("--reprocess failed needs Airflow 3 (REST API v2)"), message);
    assertTrue(lines().stream().noneMatch(l -> l.startsWith("POST")), "nothing was triggered");
  }

  @Test
  void describe_readsEveryErrorShapeOfBothSpecs() {
    assertEquals("Conflict: DAGRun with DAG ID: 'd' and DAGRun ID: 'r' already exists", AirflowClient.describe(
        "{\"detail\": \"DAGRun with DAG ID: 'd' and DAGRun ID: 'r' already exists\", \"status\": 409, \"title\": \"Conflict\","
            + " \"type\": \"https://airflow.apache.org/docs/apache-airflow/2.10.5/stable-rest-api-ref.html#section/Errors/AlreadyExists\"}"));
    assertEquals("body.logical_date: Field required; body.dag_id: Extra inputs are not permitted", AirflowClient.describe(
        "{\"detail\": [{\"loc\": [\"body\", \"logical_date\"], \"msg\": \"Field required\", \"type\": \"missing\"},"
            + " {\"loc\": [\"body\", \"dag_id\"], \"msg\": \"Extra inputs are not permitted\", \"type\": \"extra_forbidden\"}]}"));
    assertEquals("Unique constraint violation: Serious error", AirflowClient.describe(
        "{\"detail\": {\"reason\": \"Unique constraint violation\", \"statement\": \"hidden\", \"orig_error\": \"hidden\","
            + " \"message\": \"Serious error\"}}"));
    assertEquals("an answer that is not JSON: is --url Airflow's address?", AirflowClient.describe("<html>502 Bad Gateway</html>"));
    assertEquals("", AirflowClient.describe(""));
  }

  @Test
  void polling_returnsTheFirstFinalAnswerOrTheLastBeforeTheTimeout() {
    int[] asked = {0};
    assertEquals(3, new Polling(Duration.ofMillis(1), Duration.ofSeconds(5)).until(() -> ++asked[0], n -> n == 3));
    long t0 = System.nanoTime();
    int last = new Polling(Duration.ofMillis(20), Duration.ofMillis(100)).until(() -> ++asked[0], n -> false);
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(millis >= 100 && millis < 2000, millis + " ms");
    assertTrue(last > 4, "asked again every interval until the timeout: " + last);
  }
}
