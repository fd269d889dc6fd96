package vn.haiphong.bdhvs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.haiphong.bdhvs.airflow.AirflowApi;
import vn.haiphong.bdhvs.airflow.FakeAirflow;
import vn.haiphong.bdhvs.cli.Cli.Result;

/** {@code bdhvs airflow …} end to end against an in-process Airflow: what it prints and its exit codes. */
class AirflowCommandTest {
  private static final Instant NIGHT = Instant.parse("2025-12-10T18:00:00Z");

  private FakeAirflow airflow;

  @AfterEach
  void stop() {
    if (airflow != null) {
      airflow.close();
    }
  }

  private Result airflow(AirflowApi api, String... args) {
    if (airflow == null) {
      airflow = new FakeAirflow(api);
    }
    List<String> line = new ArrayList<>(List.of("airflow"));
    line.addAll(List.of(args));
    line.addAll(List.of("--url", airflow.url(), "--user", FakeAirflow.USER, "--password", FakeAirflow.PASSWORD,
        "--poll-interval", "PT0.01S"));
    return Cli.execute(line.toArray(String[]::new));
  }

  private static void assertOneParagraph(Result r) {
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void triggerWait_printsEachStateAndExits0WhenTheRunSucceeds() {
    Result r = airflow(AirflowApi.V2, "trigger", "--date", "2025-12-10", "--wait");
    assertEquals(Main.OK, r.code(), r.err());
    assertEquals(List.of("bdhvs: Airflow 3.0.6 at " + airflow.url() + " (REST API v2)",
        "bdhvs: triggered bdhvs_nightly run bdhvs__2025-12-10 (2025-12-10): queued, logical date 2025-12-10T18:00:00Z",
        "bdhvs: bdhvs__2025-12-10 (2025-12-10): running",
        "bdhvs: bdhvs__2025-12-10 (2025-12-10): success",
        "bdhvs: bdhvs_nightly run bdhvs__2025-12-10 succeeded"), r.out().lines().toList());
  }

  @Test
  void triggerWait_failedRun_exits1SayingSo() {
    airflow = new FakeAirflow(AirflowApi.V1).runsGoThrough("queued", "running", "failed");
    Result r = airflow(AirflowApi.V1, "trigger", "--date", "2025-12-10", "--wait");
    assertEquals(Main.FAILED, r.code());
    assertEquals("bdhvs: failed in Airflow (see the task logs of DAG bdhvs_nightly): bdhvs__2025-12-10 (2025-12-10): failed",
        r.err().strip());
  }

  @Test
  void triggerWait_runStillGoingAtTheTimeout_exits1AndLeavesItToAirflow() {
    airflow = new FakeAirflow(AirflowApi.V2).runsGoThrough("queued", "running");
    Result r = airflow(AirflowApi.V2, "trigger", "--date", "2025-12-10", "--wait", "--timeout", "PT0.2S");
    assertEquals(Main.FAILED, r.code());
    assertTrue(r.err().startsWith("bdhvs: still not finished after PT0.2S (Airflow goes on; check later with bdhvs airflow status):"
        + " bdhvs__2025-12-10 (2025-12-10): running"), r.err());
  }

  @Test
  void trigger_wrongPassword_exits2InOneParagraph() {
    airflow = new FakeAirflow(AirflowApi.V2);
    Result r = Cli.execute("airflow", "trigger", "--date", "2025-12-10", "--url", airflow.url(), "--user", "bdhvs", "--password", "x");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("401 Unauthorized (Invalid credentials)"), r.err());
    assertOneParagraph(r);
  }

  @Test
  void trigger_dateWithARun_exits2() {
    airflow = new FakeAirflow(AirflowApi.V2).scheduledRun(NIGHT, "running");
    Result r = airflow(AirflowApi.V2, "trigger", "--date", "2025-12-10");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("already has a run for 2025-12-10 (run scheduled__2025-12-10T18:00:00+00:00, running)"), r.err());
    assertOneParagraph(r);
  }

  @Test
  void status_byDateOrRunId_printsTheState() {
    airflow = new FakeAirflow(AirflowApi.V1).scheduledRun(NIGHT, "success");
    Result byDate = airflow(AirflowApi.V1, "status", "--date", "2025-12-10");
    assertEquals(Main.OK, byDate.code(), byDate.err());
    assertTrue(byDate.out().contains("bdhvs: bdhvs_nightly run scheduled__2025-12-10T18:00:00+00:00 (2025-12-10): success"), byDate.out());
    Result byId = airflow(AirflowApi.V1, "status", "--run-id", "scheduled__2025-12-10T18:00:00+00:00", "--wait");
    assertEquals(Main.OK, byId.code(), byId.err());
  }

  @Test
  void status_dateWithoutRun_exits2SayingHowToStartOne() {
    Result r = airflow(AirflowApi.V2, "status", "--date", "2025-12-10");
    assertEquals(Main.BAD_INPUT, r.code());
    assertEquals("bdhvs: DAG bdhvs_nightly has no run for 2025-12-10: start one with 'bdhvs airflow trigger --date 2025-12-10'",
        r.err().strip());
  }

  @ParameterizedTest(name = "REST API {0}")
  @ValueSource(strings = {"V1", "V2"})
  void backfillWait_runsEveryDateAndExits0WhenAllSucceeded(String api) {
    Result r = airflow(AirflowApi.valueOf(api), "backfill", "--from", "2025-12-08", "--to", "2025-12-10", "--wait",
        "--api", api.toLowerCase());
    assertEquals(Main.OK, r.code(), r.err());
    assertTrue(r.out().strip().endsWith("bdhvs: 3 runs of bdhvs_nightly succeeded"), r.out());
  }

  @Test
  void options_badValues_exit2NamingTheOption() {
    airflow = new FakeAirflow(AirflowApi.V2);
    Result api = airflow(AirflowApi.V2, "status", "--date", "2025-12-10", "--api", "v3");
    assertEquals(Main.BAD_INPUT, api.code());
    assertTrue(api.err().contains("--api 'v3': expected auto, v1 or v2"), api.err());
    Result timeout = airflow(AirflowApi.V2, "trigger", "--date", "2025-12-10", "--timeout", "soon");
    assertEquals(Main.BAD_INPUT, timeout.code());
    assertTrue(timeout.err().contains("'soon': expected a duration, e.g. 90s"), timeout.err());
    Result reprocess = airflow(AirflowApi.V2, "backfill", "--from", "2025-12-01", "--to", "2025-12-02", "--reprocess", "all");
    assertEquals(Main.BAD_INPUT, reprocess.code());
    assertTrue(reprocess.err().contains("--reprocess 'all': expected none, failed or completed"), reprocess.err());
    assertTrue(airflow.requests().isEmpty(), "nothing was asked of Airflow");
  }

  @Test
  void noUrl_exits2SayingWhereToGiveIt() {
    assumeTrue(System.getenv("BDHVS_AIRFLOW_URL") == null, "the test needs an environment without BDHVS_AIRFLOW_URL");
    Result r = Cli.execute("airflow", "status", "--date", "2025-12-10");
    assertEquals(Main.BAD_INPUT, r.code());
    assertTrue(r.err().contains("give --url or set BDHVS_AIRFLOW_URL"), r.err());
  }

  @Test
  void durations_acceptShortFormsAndIso() {
    assertEquals(Duration.ofSeconds(90), OptionTypes.duration("90s"));
    assertEquals(Duration.ofMinutes(15), OptionTypes.duration("15m"));
    assertEquals(Duration.ofHours(6), OptionTypes.duration("6h"));
    assertEquals(Duration.ofDays(1), OptionTypes.duration("1d"));
    assertEquals(Duration.ofMillis(500), OptionTypes.duration("PT0.5S"));
  }
}
