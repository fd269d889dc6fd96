package vn.haiphong.bdhvs.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.ingest.Landing;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * One run of the pipeline for a date: the jobs of {@code jobs/pipeline.json} in dependency order
 * (or only some of them: Airflow runs one job per task), in one SparkSession, with the run
 * manifest {@code runs/<run_id>.json} written at the end — also when a job fails, so the failure
 * is on record.
 */
public final class PipelineRun {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("'run-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final SparkSession spark;
  private final String landingRoot;
  private final String warehouseRoot;
  private final LocalDate runDate;
  private final PersonKeys personKeys;
  private final Consumer<String> progress;

  public PipelineRun(SparkSession spark, String landingRoot, String warehouseRoot,
      LocalDate runDate, PersonKeys personKeys, Consumer<String> progress) {
    this.spark = spark;
    this.landingRoot = landingRoot;
    this.warehouseRoot = warehouseRoot;
    this.runDate = runDate;
    this.personKeys = personKeys;
    this.progress = progress;
  }

  /** The outcome: the run id, each job's result, and the manifest as written. */
  public record Outcome(String runId, Map<String, JobResult> results, String manifestPath) {}

  public Outcome execute() {
    return execute(List.of());
  }

  /**
   * Runs only the named jobs, in run order (all of them when {@code onlyJobs} is empty). A partial
   * run's id ends with its jobs, so the tasks of one Airflow run, started in the same second, keep
   * apart manifests.
   */
  public Outcome execute(List<String> onlyJobs) {
    JobGraph graph = JobGraph.load();
    List<JobGraph.Node> jobs = onlyJobs.isEmpty() ? graph.inRunOrder() : graph.only(onlyJobs);
    Instant started = Instant.now();
    String runId = RUN_ID.format(started) + (onlyJobs.isEmpty() ? ""
        : "-" + String.join("+", jobs.stream().map(JobGraph.Node::name).toList()));
    var hadoop = spark.sparkContext().hadoopConfiguration();
    Warehouse warehouse = new Warehouse(warehouseRoot, hadoop);
    Map<String, JobResult> results = new LinkedHashMap<>();
    List<Map<String, Object>> stages = new ArrayList<>();
    String status = "failed";
    String error = null;
    try {
      progress.accept("scanning landing " + landingRoot + " for deliveries up to " + runDate);
      long scanStart = System.nanoTime();
      Landing landing = Landing.scan(landingRoot, runDate, hadoop);
      progress.accept(String.format("found %d deliveries (%.1f MB, hashed) in %.1f s",
          landing.all().size(), landing.all().stream().mapToLong(d -> d.bytes()).sum() / 1e6,
          (System.nanoTime() - scanStart) / 1e9));
      WardDirectory wards = WardDirectory.load();
      JobContext context = new JobContext(spark, runId, runDate, landing, warehouse, personKeys,
          wards, TargetGroupLabels.load(), CourseCatalog.loadDefault(), ReportingUnits.load(wards));
      for (JobGraph.Node node : jobs) {
        Instant t0 = Instant.now();
        progress.accept(node.name() + ": running");
        JobResult r = node.instantiate().run(context);
        double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
        results.put(node.name(), r);
        stages.add(Map.of("job", node.name(), "seconds", seconds));
        progress.accept(r.files().isEmpty()
            ? String.format("%s: wrote %s (%.1f s)", node.name(), String.join(", ", r.tablesWritten().keySet()), seconds)
            : String.format("%s: %d files, %d rows read, %d accepted, %d rejected (%.1f s)",
                node.name(), r.files().size(), r.rowsRead(), r.rowsAccepted(), r.rowsRejected(), seconds));
      }
      status = "succeeded";
      return new Outcome(runId, results, warehouseRoot + "/runs/" + runId + ".json");
    } catch (RuntimeException e) {
      error = e.getMessage();
      throw e;
    } finally {
      warehouse.writeText("runs/" + runId + ".json",
          manifest(runId, started, status, error, jobs, results, stages));
    }
  }

  private String manifest(String runId, Instant started, String status, String error,
      List<JobGraph.Node> jobs, Map<String, JobResult> results, List<Map<String, Object>> stages) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("run_id", runId);
    m.put("started_at", started.toString());
    m.put("finished_at", Instant.now().toString());
    m.put("status", status);
    if (error != null) {
      m.put("error", error);
    }
    m.put("run_date", runDate.toString());
    m.put("landing", landingRoot);
    m.put("warehouse", warehouseRoot);
    m.put("jobs", jobs.stream().map(JobGraph.Node::name).toList());
    Map<String, Object> sources = new LinkedHashMap<>();
    Map<String, Long> written = new LinkedHashMap<>();
    for (JobResult r : results.values()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("rows_read", r.rowsRead());
      s.put("rows_accepted", r.rowsAccepted());
      s.put("rows_rejected", r.rowsRejected());
      s.put("rejects_by_reason", r.rejectsByReason());
      List<Map<String, Object>> files = new ArrayList<>();
      for (JobResult.FileResult f : r.files()) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("path", f.delivery().path());
        fm.put("table", f.delivery().table());
        fm.put("sha256", f.delivery().sha256());
        fm.put("bytes", f.delivery().bytes());
        fm.put("rows_read", f.count().read());
        fm.put("rows_accepted", f.count().accepted());
        fm.put("rows_rejected", f.count().rejected());
        if (f.count().fileReason() != null) {
          fm.put("file_rejected", f.count().fileReason());
        }
        if (!f.count().flags().isEmpty()) {
          fm.put("quality_flags", f.count().flags());
        }
        if (!f.count().notes().isEmpty()) {
          fm.put("notes", f.count().notes());
        }
        files.add(fm);
      }
      s.put("files", files);
      sources.put(r.source(), s);
      written.putAll(r.tablesWritten());
    }
    m.put("sources", sources);
    m.put("written", written);
    m.put("stages", stages);
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
