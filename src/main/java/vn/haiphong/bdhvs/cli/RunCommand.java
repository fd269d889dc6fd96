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
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.identity.PseudonymKey;
import vn.haiphong.bdhvs.ingest.Landing;
import vn.haiphong.bdhvs.runtime.JobGraph;
import vn.haiphong.bdhvs.runtime.PipelineRun;
import vn.haiphong.bdhvs.runtime.SparkSessions;
import vn.haiphong.bdhvs.runtime.UserError;

/** {@code bdhvs run}: the nightly pipeline for one date. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Ingest every delivery up to --date from the landing into the warehouse.",
    footer = {"", "Example:",
        "  BDHVS_PSEUDONYM_KEY=... bdhvs run --landing /data/landing --warehouse /data/wh --date 2025-12-10",
        "  bdhvs run --landing /data/landing --warehouse /data/wh --date 2025-12-10 --job build_cubes --key-file key.txt",
        "  (one job of jobs/pipeline.json, as an Airflow task runs it; its manifest is runs/run-<time>-build_cubes.json)",
        "", "The pseudonymization key comes from BDHVS_PSEUDONYM_KEY or --key-file; never store it in the warehouse."})
final class RunCommand implements Callable<Integer> {
  @Option(names = "--landing", required = true, description = "landing root (a folder or a Hadoop URI)")
  String landing;

  @Option(names = "--warehouse", required = true, description = "warehouse root (a folder or a Hadoop URI)")
  String warehouse;

  @Option(names = "--date", description = "run date yyyy-MM-dd: deliveries up to it are ingested (default: today)")
  LocalDate date = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));

  @Option(names = "--key-file", description = "file holding the pseudonymization key (else BDHVS_PSEUDONYM_KEY)")
  Path keyFile;

  @Option(names = "--master", description = "Spark master (default local[*]; spark-submit's own when submitted)")
  String master;

  @Option(names = "--job", paramLabel = "NAME",
      description = "run only this job of jobs/pipeline.json (repeatable; default: all, in dependency order)")
  List<String> jobs = new ArrayList<>();

  @Option(names = "--shuffle-partitions", defaultValue = "8", description = "Spark shuffle partitions (default ${DEFAULT-VALUE})")
  int shufflePartitions;

  @Override
  public Integer call() {
    PersonKeys keys;
    try {
      keys = new PersonKeys(PseudonymKey.load(keyFile, System.getenv()));
    } catch (IllegalArgumentException e) {
      // No key, an unreadable key file or a weak key: the user's to fix (exit 2), not a crash.
      throw new UserError(e.getMessage(), e);
    }
    return run(landing, warehouse, date, jobs, keys, master, shufflePartitions);
  }

  static int run(String landing, String warehouse, LocalDate date, List<String> jobs, PersonKeys keys,
      String master, int shufflePartitions) {
    // A local landing that is not there, or an unknown --job, fails at once, before Spark starts.
    if (!landing.contains("://") && !Files.isDirectory(Path.of(landing))) {
      throw Landing.missingRoot(landing);
    }
    JobGraph.load().only(jobs);
    // Under spark-submit, spark.master is set and wins; by hand, local mode on every core.
    String chosen = master != null ? master : System.getProperty("spark.master") != null ? null : "local[*]";
    SparkSession spark = SparkSessions.create(chosen, shufflePartitions);
    PipelineRun.Outcome outcome = new PipelineRun(spark, landing, warehouse, date, keys,
        line -> System.out.println("bdhvs: " + line)).execute(jobs);
    System.out.println("bdhvs: run " + outcome.runId() + " succeeded; manifest " + outcome.manifestPath());
    return Main.OK;
  }
}
