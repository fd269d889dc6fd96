package vn.haiphong.bdhvs.cli;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.airflow.AirflowApi;
import vn.haiphong.bdhvs.airflow.AirflowClient;
import vn.haiphong.bdhvs.airflow.DagRun;
import vn.haiphong.bdhvs.airflow.NightlyDag;
import vn.haiphong.bdhvs.airflow.Polling;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.job.JobGraph;

/** {@code bdhvs airflow trigger|status|backfill}: the nightly DAG in Airflow, through its REST API. */
@Command(name = "airflow", mixinStandardHelpOptions = true,
    description = "Drive the nightly DAG (dags/bdhvs_nightly.py) in Airflow through its stable REST API:"
        + " v2 for Airflow 3 (a token from /auth/token), v1 for Airflow 2 (basic auth).",
    subcommands = {AirflowCommand.Trigger.class, AirflowCommand.Status.class, AirflowCommand.Backfill.class},
    footer = {"", "Examples:",
        "  export BDHVS_AIRFLOW_URL=http://airflow:8080 BDHVS_AIRFLOW_USER=bdhvs BDHVS_AIRFLOW_PASSWORD=...",
        "  bdhvs airflow trigger --date 2025-12-10 --wait",
        "  bdhvs airflow status --date 2025-12-10",
        "  bdhvs airflow backfill --from 2025-12-01 --to 2025-12-10 --wait",
        "", "A date is the bdhvs run date ({{ ds }}): the run for 2025-12-10 fires at 01:00 on 11 December in Hải Phòng."})
final class AirflowCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: trigger, status or backfill");
  }

  /** Where Airflow is, who asks, and how long to wait: the options of every subcommand. */
  static final class Connection {
    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE) CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "${env:BDHVS_AIRFLOW_URL}",
        description = "Airflow's web server (Airflow 2) or API server (Airflow 3), e.g. http://airflow:8080 (default: BDHVS_AIRFLOW_URL)")
    String url;

    @Option(names = "--user", defaultValue = "${env:BDHVS_AIRFLOW_USER}", description = "Airflow user (default: BDHVS_AIRFLOW_USER)")
    String user;

    @Option(names = "--password", defaultValue = "${env:BDHVS_AIRFLOW_PASSWORD}",
        description = "its password (default: BDHVS_AIRFLOW_PASSWORD, better than the command line, which others can see)")
    String password;

    @Option(names = "--api", defaultValue = "auto", description = "auto, v1 (Airflow 2) or v2 (Airflow 3); auto asks Airflow (default ${DEFAULT-VALUE})")
    String api;

    @Option(names = "--dag", description = "the DAG id (default: schedule.dagId of jobs/pipeline.json)")
    String dag;

    @Option(names = "--wait", description = "wait until the run (or every run) has finished; exit 1 if one failed")
    boolean wait;

    @Option(names = "--timeout", defaultValue = "6h",
        description = "how long --wait waits: 90s, 15m, 6h, 1d (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Option(names = "--poll-interval", defaultValue = "30s",
        description = "how often --wait asks Airflow (default ${DEFAULT-VALUE})")
    Duration pollInterval;

    @Option(names = "--attempts", defaultValue = "4",
        description = "how many times to ask when Airflow does not answer or answers with a server error, waiting 2 s, then twice"
            + " as long each time (default ${DEFAULT-VALUE}; 1 asks once)")
    int attempts;

    NightlyDag nightlyDag() {
      if (url == null || url.isBlank()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "Airflow's address is missing: give --url or set BDHVS_AIRFLOW_URL");
      }
      AirflowApi chosen = switch (api.toLowerCase(Locale.ROOT)) {
        case "auto" -> null;
        case "v1" -> AirflowApi.V1;
        case "v2" -> AirflowApi.V2;
        default -> throw new CommandLine.ParameterException(spec.commandLine(), "--api '" + api + "': expected auto, v1 or v2");
      };
      if (attempts < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--attempts " + attempts + ": expected 1 or more");
      }
      AirflowClient client = AirflowClient.connect(url, user, password, chosen, AirflowClient.Retry.of(attempts));
      System.out.println("bdhvs: Airflow " + client.version() + " at " + client.url() + " (REST API " + client.api().label() + ")");
      JobGraph.Schedule schedule = JobGraph.load().schedule();
      return new NightlyDag(client, dag == null ? schedule.dagId() : dag, schedule);
    }

    Polling polling() {
      return new Polling(pollInterval, timeout);
    }
  }

  private static String describe(DagRun run) {
    return run.runId() + " (" + run.runDate() + "): " + run.state();
  }

  /** Waits for one run, printing its state when it changes; exit 0 if it succeeded, 1 if not. */
  private static int await(NightlyDag dag, DagRun run, Polling polling) {
    String[] seen = {run.state()};
    DagRun last = polling.until(() -> {
      DagRun now = dag.run(run.runId());
      if (!now.state().equals(seen[0])) {
        seen[0] = now.state();
        System.out.println("bdhvs: " + describe(now));
      }
      return now;
    }, DagRun::finished);
    return verdict(dag, List.of(last), polling);
  }

  /** Exit 0 when every run succeeded; else says which did not, or are still going, on stderr. */
  private static int verdict(NightlyDag dag, List<DagRun> runs, Polling polling) {
    List<String> failed = new ArrayList<>();
    List<String> going = new ArrayList<>();
    for (DagRun r : runs) {
      if (!r.finished()) {
        going.add(describe(r));
      } else if (!r.succeeded()) {
        failed.add(describe(r));
      }
    }
    if (failed.isEmpty() && going.isEmpty()) {
      System.out.println("bdhvs: " + (runs.size() == 1 ? dag.dagId() + " run " + runs.get(0).runId()
          : runs.size() + " runs of " + dag.dagId()) + " succeeded");
      return Main.OK;
    }
    if (!failed.isEmpty()) {
      System.err.println("bdhvs: failed in Airflow (see the task logs of DAG " + dag.dagId() + "): " + String.join("; ", failed));
    }
    if (!going.isEmpty()) {
      System.err.println("bdhvs: still not finished after " + polling.timeout() + " (Airflow goes on; check later with"
          + " bdhvs airflow status): " + String.join("; ", going));
    }
    return Main.FAILED;
  }

  @Command(name = "trigger", mixinStandardHelpOptions = true,
      description = "Trigger the nightly DAG for one run date (its tasks run bdhvs run --job ... --date DATE).",
      footer = {"", "Example:", "  bdhvs airflow trigger --date 2025-12-10 --wait --timeout 3h"})
  static final class Trigger implements Callable<Integer> {
    @Mixin Connection connection;

    @Option(names = "--date", required = true, description = "run date yyyy-MM-dd")
    LocalDate date;

    @Override
    public Integer call() {
      NightlyDag dag = connection.nightlyDag();
      DagRun run = dag.trigger(date);
      System.out.println("bdhvs: triggered " + dag.dagId() + " run " + describe(run) + ", logical date " + run.logicalDate());
      return connection.wait ? await(dag, run, connection.polling()) : Main.OK;
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "The state of one run of the nightly DAG (queued, running, success, failed), by run date or run id.",
      footer = {"", "Examples:", "  bdhvs airflow status --date 2025-12-10", "  bdhvs airflow status --run-id bdhvs__2025-12-10 --wait"})
  static final class Status implements Callable<Integer> {
    @Mixin Connection connection;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Which which;

    static final class Which {
      @Option(names = "--date", description = "run date yyyy-MM-dd") LocalDate date;
      @Option(names = "--run-id", description = "Airflow's run id") String runId;
    }

    @Override
    public Integer call() {
      NightlyDag dag = connection.nightlyDag();
      DagRun run = which.runId != null ? dag.run(which.runId) : dag.on(which.date).orElseThrow(() ->
          new UserError("DAG " + dag.dagId() + " has no run for " + which.date
              + ": start one with 'bdhvs airflow trigger --date " + which.date + "'"));
      System.out.println("bdhvs: " + dag.dagId() + " run " + describe(run));
      if (!connection.wait) {
        return Main.OK;
      }
      return run.finished() ? verdict(dag, List.of(run), connection.polling()) : await(dag, run, connection.polling());
    }
  }

  @Command(name = "backfill", mixinStandardHelpOptions = true,
      description = "Run the nightly DAG for every date from --from to --to, one run at a time:"
          + " Airflow 3 backfills them; with Airflow 2, each date without a run is triggered.",
      footer = {"", "Example:", "  bdhvs airflow backfill --from 2025-12-01 --to 2025-12-10 --wait",
          "", "The warehouse is left as of --to: end with the latest night, or let the next nightly run follow."})
  static final class Backfill implements Callable<Integer> {
    @Mixin Connection connection;

    @Option(names = "--from", required = true, description = "first run date yyyy-MM-dd") LocalDate from;
    @Option(names = "--to", required = true, description = "last run date yyyy-MM-dd") LocalDate to;

    @Option(names = "--reprocess", defaultValue = "none",
        description = "Airflow 3: dates that already ran are run again when none (no), failed (those that failed) or completed (all); default ${DEFAULT-VALUE}")
    String reprocess;

    @Override
    public Integer call() {
      if (!List.of("none", "failed", "completed").contains(reprocess)) {
        throw new CommandLine.ParameterException(connection.spec.commandLine(), "--reprocess '" + reprocess + "': expected none, failed or completed");
      }
      NightlyDag dag = connection.nightlyDag();
      NightlyDag.Backfill started = dag.backfill(from, to, reprocess, line -> System.out.println("bdhvs: " + line));
      if (started.airflowId() != null) {
        System.out.println("bdhvs: Airflow backfill " + started.airflowId() + " of " + dag.dagId() + " from " + from + " to " + to + " started");
      }
      if (!connection.wait) {
        return Main.OK;
      }
      Polling polling = connection.polling();
      List<DagRun> runs;
      if (started.airflowId() != null) {
        polling.until(() -> dag.backfillCompleted(started.airflowId()), done -> done);
        runs = dag.runs(from, to);
      } else {
        Map<String, DagRun> last = new HashMap<>();
        started.runs().forEach(r -> last.put(r.runId(), r));
        polling.until(() -> {
          for (DagRun r : List.copyOf(last.values())) {
            if (!r.finished()) {
              last.put(r.runId(), dag.run(r.runId()));
            }
          }
          return last.values();
        }, all -> all.stream().allMatch(DagRun::finished));
        runs = started.runs().stream().map(r -> last.get(r.runId())).toList();
      }
      return verdict(dag, runs, polling);
    }
  }
}
