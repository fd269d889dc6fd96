package vn.haiphong.bdhvs.airflow;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.job.JobGraph;

/**
 * The nightly DAG (dags/bdhvs_nightly.py) in one Airflow, by bdhvs run date: the date its tasks
 * pass to {@code bdhvs run --date}, which is Airflow's {@code {{ ds }}}, the UTC date of the run's
 * logical date.
 */
public final class NightlyDag {
  private final AirflowClient airflow;
  private final String dagId;
  private final JobGraph.Schedule schedule;

  public NightlyDag(AirflowClient airflow, String dagId, JobGraph.Schedule schedule) {
    this.airflow = airflow;
    this.dagId = dagId;
    this.schedule = schedule;
  }

  public String dagId() {
    return dagId;
  }

  /**
   * The logical date of the run for {@code runDate}: the schedule's nightly trigger time whose UTC
   * date is {@code runDate} (01:00 in Hải Phòng the next morning is 18:00 UTC that day), so that a
   * triggered run and a scheduled one for the same night are the same run to Airflow.
   */
  public static Instant logicalDate(LocalDate runDate, JobGraph.Schedule schedule) {
    for (LocalDate local = runDate.minusDays(1); !local.isAfter(runDate.plusDays(1)); local = local.plusDays(1)) {
      Instant trigger = ZonedDateTime.of(local, schedule.timeOfDay(), schedule.zone()).toInstant();
      if (trigger.atZone(ZoneOffset.UTC).toLocalDate().equals(runDate)) {
        return trigger;
      }
    }
    throw new IllegalStateException("no trigger of " + schedule.cron() + " in " + schedule.timezone() + " falls on " + runDate + " UTC");
  }

  /** The id bdhvs gives a run it triggers: one per run date. */
  public static String runId(LocalDate runDate) {
    return "bdhvs__" + runDate;
  }

  /** Triggers the run for {@code runDate}; a date that already has a run is the user's to resolve. */
  public DagRun trigger(LocalDate runDate) {
    return airflow.trigger(dagId, runId(runDate), logicalDate(runDate, schedule)).orElseThrow(() -> {
      String existing = on(runDate).map(r -> "run " + r.runId() + ", " + r.state()).orElse("run id " + runId(runDate) + " is taken");
      return new UserError("DAG " + dagId + " already has a run for " + runDate + " (" + existing + "): follow it with"
          + " 'bdhvs airflow status --date " + runDate + "', or clear it in Airflow to run it again");
    });
  }

  /** The run for {@code runDate}, triggered or scheduled, if there is one. */
  public Optional<DagRun> on(LocalDate runDate) {
    Instant logical = logicalDate(runDate, schedule);
    return airflow.dagRuns(dagId, logical, logical).stream().reduce((first, second) -> second);
  }

  public DagRun run(String runId) {
    return airflow.dagRun(dagId, runId);
  }

  /** What a backfill started: Airflow 3's backfill id, or with Airflow 2 the run of every date. */
  public record Backfill(Long airflowId, List<DagRun> runs) {}

  /**
   * Runs for every date of [from, to]. Airflow 3 backfills them itself, one at a time; with
   * Airflow 2 (v1 has no backfill endpoint) each date without a run is triggered, and the dates
   * that have one keep it. {@code reprocess} (none, failed, completed) says which dates that already
   * ran Airflow 3 runs again.
   */
  public Backfill backfill(LocalDate from, LocalDate to, String reprocess, Consumer<String> progress) {
    if (from.isAfter(to)) {
      throw new UserError("--from " + from + " is after --to " + to);
    }
    if (airflow.api() == AirflowApi.V2) {
      return new Backfill(airflow.backfill(dagId, logicalDate(from, schedule), logicalDate(to, schedule), reprocess), List.of());
    }
    if (!reprocess.equals("none")) {
      throw new UserError("--reprocess " + reprocess + " needs Airflow 3 (REST API v2); with Airflow 2, clear the runs"
          + " to redo in Airflow, then backfill with --reprocess none");
    }
    List<DagRun> runs = new ArrayList<>();
    for (LocalDate date : from.datesUntil(to.plusDays(1)).toList()) {
      Optional<DagRun> triggered = airflow.trigger(dagId, runId(date), logicalDate(date, schedule));
      DagRun run = triggered.isPresent() ? triggered.get() : on(date).orElseThrow(() -> new UserError(
          "DAG " + dagId + " refused run id " + runId(date) + " as taken, yet has no run on that date"));
      progress.accept(date + ": " + (triggered.isPresent() ? "triggered " : "already has ") + run.runId() + ", " + run.state());
      runs.add(run);
    }
    return new Backfill(null, runs);
  }

  /** The runs on [from, to], oldest first. */
  public List<DagRun> runs(LocalDate from, LocalDate to) {
    return airflow.dagRuns(dagId, logicalDate(from, schedule), logicalDate(to, schedule));
  }

  public boolean backfillCompleted(long airflowId) {
    return airflow.backfillCompleted(airflowId);
  }
}
