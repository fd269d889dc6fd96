package vn.haiphong.bdhvs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.identity.PseudonymKey;
import vn.haiphong.bdhvs.job.JobGraph;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.runtime.PipelineRun;
import vn.haiphong.bdhvs.runtime.SparkSessions;

/** {@code bdhvs run}: the nightly pipeline for one date, or for each night of a range (a backfill). */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Ingest every delivery up to --date from the landing into the warehouse.",
        "A run reads only deliveries the warehouse does not hold yet (new files, or new bytes at a known path) "
            + "and publishes all its outputs at once; one run at a time per warehouse."},
    footer = {"", "Examples:",
        "  BDHVS_PSEUDONYM_KEY=... bdhvs run --landing /data/landing --warehouse /data/wh --date 2025-12-10",
        "  bdhvs run --landing /data/landing --warehouse /data/wh --date 2025-12-10 --job build_cubes --key-file key.txt",
        "  (one job of jobs/pipeline.json, as an Airflow task runs it; its manifest is runs/run-<time>-build_cubes.json)",
        "  bdhvs run --landing /data/landing --warehouse /data/wh --from 2025-12-01 --to 2025-12-10 --key-file key.txt",
        "  (a backfill: the nights 1 to 10 December in order, each a run of its own, as the nightly schedule would have run them)",
        "", "The pseudonymization key comes from BDHVS_PSEUDONYM_KEY or --key-file; never store it in the warehouse."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--landing", required = true, description = "landing root (a folder or a Hadoop URI)")
  String landing;

  @Option(names = "--warehouse", required = true, description = "warehouse root (a folder or a Hadoop URI)")
  String warehouse;

  @Option(names = "--date", description = "run date yyyy-MM-dd: deliveries up to it are ingested (default: today)")
  LocalDate date;

  @Option(names = "--from", description = "backfill: the first night yyyy-MM-dd (with --to)")
  LocalDate from;

  @Option(names = "--to", description = "backfill: the last night yyyy-MM-dd (with --from)")
  LocalDate to;

  @Option(names = "--key-file", description = "file holding the pseudonymization key (else BDHVS_PSEUDONYM_KEY)")
  Path keyFile;

  @Option(names = "--master", description = "Spark master (default local[*]; spark-submit's own when submitted)")
  String master;

  @Option(names = "--job", paramLabel = "NAME",
      description = "run only this job of jobs/pipeline.json (repeatable; default: all, in dependency order)")
  List<String> jobs = new ArrayList<>();

  @Option(names = "--shuffle-partitions", defaultValue = "8", description = "Spark shuffle partitions (default ${DEFAULT-VALUE})")
  int shufflePartitions;

  @Option(names = "--verify", description = "hash every landed file again; by default a file the warehouse holds with the"
      + " same size and modification time keeps its SHA-256 (a same-size rewrite that kept its time is seen only with --verify)")
  boolean verify;

  @Override
  public Integer call() {
    PersonKeys keys;
    try {
      keys = new PersonKeys(PseudonymKey.load(keyFile, System.getenv()));
    } catch (IllegalArgumentException e) {
      // No key, an unreadable key file or a weak key: the user's to fix (exit 2), not a crash.
      throw new UserError(e.getMessage(), e);
    }
    return run(landing, warehouse, nights(), jobs, keys, master, shufflePartitions, verify);
  }

  /** --date, or every night from --from to --to; today in Hải Phòng by default. */
  private List<LocalDate> nights() {
    if (from == null && to == null) {
      return List.of(date != null ? date : LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
    }
    if (from == null || to == null || date != null) {
      throw new UserError("a backfill needs both --from and --to (and no --date): e.g. --from 2025-12-01 --to 2025-12-10");
    }
    if (from.isAfter(to)) {
      throw new UserError("--from " + from + " is after --to " + to + ": expected the first night, then the last");
    }
    return from.datesUntil(to.plusDays(1)).toList();
  }

  /** Runs each night in order, each its own run (own id, manifest and publication); stops at the first that fails. */
  static int run(String landing, String warehouse, List<LocalDate> nights, List<String> jobs, PersonKeys keys,
      String master, int shufflePartitions, boolean verify) {
    // A local landing that is not there, or an unknown --job, fails at once, before Spark starts.
    if (!landing.contains("://") && !Files.isDirectory(Path.of(landing))) {
      throw Landing.missingRoot(landing);
    }
    JobGraph.load().only(jobs);
    // Under spark-submit, spark.master is set and wins; by hand, local mode on every core.
    String chosen = master != null ? master : System.getProperty("spark.master") != null ? null : "local[*]";
    try (RunInterruption interruption = RunInterruption.install()) {
      SparkSession spark = SparkSessions.create(chosen, shufflePartitions);
      for (int i = 0; i < nights.size(); i++) {
        if (nights.size() > 1) {
          System.out.println("bdhvs: night " + nights.get(i) + " (" + (i + 1) + " of " + nights.size() + ")");
        }
        PipelineRun run = new PipelineRun(spark, landing, warehouse, nights.get(i), keys,
            line -> System.out.println("bdhvs: " + line), verify);
        interruption.during(run);
        PipelineRun.Outcome outcome = run.execute(jobs);
        System.out.println("bdhvs: run " + outcome.runId() + " succeeded; manifest " + outcome.manifestPath());
      }
    }
    return Main.OK;
  }
}
