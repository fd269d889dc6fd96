package vn.haiphong.bdhvs.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.cube.CubeContext;
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.ingest.IngestContext;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobGraph;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.linkage.LinkageContext;
import vn.haiphong.bdhvs.quality.QualityContext;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.DataTests;
import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.RunContext;
import vn.haiphong.bdhvs.warehouse.RunLock;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * One run of the pipeline for a date: the jobs of {@code jobs/pipeline.json} in dependency order,
 * in one SparkSession, holding the warehouse's run lock. The jobs write aside; before the first job
 * marked {@code afterPublish} (those that read the warehouse as its readers see it: the DuckDB file,
 * the reports) the run publishes everything it wrote, with the updated ledger and its manifest
 * {@code runs/<run_id>.json}, all at once (see {@code warehouse.Publication}). A run that fails
 * before that publishes nothing but the manifest of its failure; a run that dies is cleaned up, or
 * its publication finished, by the next run.
 */
public final class PipelineRun {
  private static final DateTimeFormatter RUN_ID =
      DateTimeFormatter.ofPattern("'run-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String KEY_CHECK = "ledger-key-check";

  private final SparkSession spark;
  private final String landingRoot;
  private final String warehouseRoot;
  private final LocalDate runDate;
  private final PersonKeys personKeys;
  private final Consumer<String> progress;
  private final boolean verify;
  private volatile Night night;

  public PipelineRun(SparkSession spark, String landingRoot, String warehouseRoot,
      LocalDate runDate, PersonKeys personKeys, Consumer<String> progress) {
    this(spark, landingRoot, warehouseRoot, runDate, personKeys, progress, false);
  }

  /**
   * A run that, with {@code verify}, hashes every landed file again instead of taking the SHA-256
   * of a held file whose size and modification time are unchanged ({@link Landing.HeldFiles}).
   */
  public PipelineRun(SparkSession spark, String landingRoot, String warehouseRoot,
      LocalDate runDate, PersonKeys personKeys, Consumer<String> progress, boolean verify) {
    this.spark = spark;
    this.landingRoot = landingRoot;
    this.warehouseRoot = warehouseRoot;
    this.runDate = runDate;
    this.personKeys = personKeys;
    this.progress = progress;
    this.verify = verify;
  }

  /** The outcome: the run id, each job's result, and the manifest as written. */
  public record Outcome(String runId, Map<String, JobResult> results, String manifestPath) {}

  public Outcome execute() {
    return execute(List.of());
  }

  /**
   * Runs only the named jobs, in run order (all of them when {@code onlyJobs} is empty), as an
   * Airflow task runs one job. A partial run's id ends with its jobs, so its manifest says which.
   */
  public Outcome execute(List<String> onlyJobs) {
    JobGraph graph = JobGraph.load();
    List<JobGraph.Node> jobs = onlyJobs.isEmpty() ? graph.inRunOrder() : graph.only(onlyJobs);
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Instant started = uniqueStart(hadoop);
    String runId = RUN_ID.format(started) + (onlyJobs.isEmpty() ? ""
        : "-" + String.join("+", jobs.stream().map(JobGraph.Node::name).toList()));
    try (RunLock lock = RunLock.acquire(warehouseRoot, hadoop, runId, line -> progress.accept("warning: " + line))) {
      Warehouse warehouse = new Warehouse(warehouseRoot, hadoop, runId);
      String finished = warehouse.recover();
      if (finished != null) {
        progress.accept("finished publishing run " + finished + ", which stopped while publishing");
      }
      night = new Night(runId, started, warehouse, jobs);
      return night.run();
    }
  }

  /**
   * The run is being stopped by {@code signal} (SIGINT, SIGTERM), from the signal's own thread:
   * records the manifest as {@code interrupted} and keeps the run from publishing after this; a
   * publication under way is let finish, so that the run published everything or nothing. Returns
   * what the user is told, one line.
   */
  public String interrupt(String signal) {
    Night n = night;
    return n == null ? "interrupted before the run started; nothing published; the next run starts clean"
        : n.interrupt(signal);
  }

  /** The state of one run as it goes: what it has done, for its manifest. */
  private final class Night {
    private final String runId;
    private final Instant started;
    private final Warehouse warehouse;
    private final List<JobGraph.Node> jobs;
    private final Map<String, JobResult> results = new LinkedHashMap<>();
    private final List<Map<String, Object>> stages = new ArrayList<>();
    private final SparkJobCount sparkJobs = new SparkJobCount();
    private Ledger ledger;
    private Landing landing;
    // Guarded by commit: the publication and an interruption exclude each other.
    private final Object commit = new Object();
    private boolean published;
    private boolean interrupted;
    private boolean ended;
    private volatile String stage = "the start";
    private volatile Double dataTestWallSeconds;
    private double scanSeconds;

    Night(String runId, Instant started, Warehouse warehouse, List<JobGraph.Node> jobs) {
      this.runId = runId;
      this.started = started;
      this.warehouse = warehouse;
      this.jobs = jobs;
    }

    Outcome run() {
      String manifestPath = warehouseRoot + "/runs/" + runId + ".json";
      String status = "failed";
      String error = null;
      spark.sparkContext().addSparkListener(sparkJobs);
      try {
        ledger = Ledger.read(warehouse, personKeys.pseudonym("bdhvs", KEY_CHECK));
        stage = "the landing scan";
        progress.accept("scanning landing " + landingRoot + " for deliveries up to " + runDate);
        long scanStart = System.nanoTime();
        landing = Landing.scan(landingRoot, runDate, spark.sparkContext().hadoopConfiguration(),
            verify ? Landing.EVERY_FILE : ledger::sha256);
        ledger.sameBytes(landing.all());
        scanSeconds = (System.nanoTime() - scanStart) / 1e9;
        progress.accept(String.format("found %d deliveries (%.1f MB; %d hashed, %s) in %.1f s; the warehouse holds %d",
            landing.all().size(), landing.all().stream().mapToLong(Delivery::bytes).sum() / 1e6, landing.filesHashed(),
            verify ? "every file verified" : "the others held with the same size and time", scanSeconds, ledger.all().size()));
        landing.all().stream().filter(d -> d.notRegular() != null).forEach(d -> progress.accept(
            "warning: " + d.path() + " is " + d.notRegular() + "; rejected as file_not_regular, not opened"));
        Map<Class<?>, Object> contexts = contexts();
        for (JobGraph.Node node : jobs) {
          if (node.afterPublish() && !published) {
            publish();
          }
          runJob(node, contexts);
        }
        if (!published) {
          publish();
        }
        status = "succeeded";
        return new Outcome(runId, results, manifestPath);
      } catch (RuntimeException e) {
        error = e.getMessage();
        if (!published) {
          warehouse.abandon();
        }
        throw e;
      } finally {
        recordManifest(status, error);
        SparkJobCount.enter(spark.sparkContext(), null);
        spark.sparkContext().removeSparkListener(sparkJobs);
      }
    }

    /**
     * Each stage's context, by its class: a job is handed the one it names as its {@code C} of
     * {@link Job}, and sees nothing of the others (the cube job no pseudonym key, no landing).
     */
    private Map<Class<?>, Object> contexts() {
      RunContext run = new RunContext(spark, runId, runDate, warehouse);
      WardDirectory wards = WardDirectory.load();
      ReportingUnits units = ReportingUnits.load(wards);
      return Map.of(
          RunContext.class, run,
          IngestContext.class, new IngestContext(run, landing, ledger, personKeys, wards, TargetGroupLabels.load(),
              CourseCatalog.loadDefault(), units),
          LinkageContext.class, new LinkageContext(run, ledger),
          QualityContext.class, new QualityContext(run, ledger),
          CubeContext.class, new CubeContext(run, ledger, wards, units));
    }

    private void runJob(JobGraph.Node node, Map<Class<?>, Object> contexts) {
      stage = node.name();
      Instant t0 = Instant.now();
      progress.accept(node.name() + ": running");
      SparkJobCount.enter(spark.sparkContext(), node.name());
      JobResult r = runWithContext(node.instantiate(), contexts);
      double seconds = Duration.between(t0, Instant.now()).toMillis() / 1000.0;
      synchronized (commit) { // an interruption writes the manifest from another thread
        results.put(node.name(), r);
        stages.add(Map.of("job", node.name(), "seconds", seconds));
      }
      progress.accept(r.files().isEmpty()
          ? String.format("%s: wrote %s (%.1f s)", node.name(),
              r.tablesWritten().isEmpty() ? "nothing new" : String.join(", ", r.tablesWritten().keySet()), seconds)
          : String.format("%s: %d files read, %d rows read, %d accepted, %d rejected (%.1f s)",
              node.name(), r.files().size(), r.rowsRead(), r.rowsAccepted(), r.rowsRejected(), seconds));
    }

    /**
     * The commit point: the data tests of every table written (a failing error stops the run here,
     * nothing published), then the ledger and the manifest go aside with every other output, then
     * all are swapped in.
     */
    private void publish() {
      stage = "the data tests";
      SparkJobCount.enter(spark.sparkContext(), "data_tests");
      long tests = System.nanoTime();
      try {
        warehouse.test(spark);
      } finally {
        dataTestWallSeconds = Math.round((System.nanoTime() - tests) / 1e6) / 1000.0;
        List<DataTests.Result> results = warehouse.dataTests().stream().flatMap(t -> t.results().stream()).toList();
        progress.accept(String.format("data tests: %d on %d tables, %d failing errors, %d failing warnings (%.1f s)",
            results.size(), warehouse.dataTests().size(), results.stream().filter(r -> r.isError() && r.failed()).count(),
            results.stream().filter(r -> !r.isError() && r.failed()).count(), dataTestWallSeconds));
      }
      stage = "publishing";
      warehouse.writeText(Ledger.PATH, ledger.json());
      warehouse.writeText(manifestRelative(), manifest("published", null));
      progress.accept("publishing " + warehouse.pendingOutputs() + " outputs");
      long t0 = System.nanoTime();
      synchronized (commit) {
        if (interrupted) {
          throw new IllegalStateException("interrupted before publishing");
        }
        warehouse.publish();
        published = true;
      }
      progress.accept(String.format("published (%.1f s)", (System.nanoTime() - t0) / 1e9));
    }

    String interrupt(String signal) {
      synchronized (commit) {
        if (ended) {
          return "interrupted as run " + runId + " ended; its manifest says how";
        }
        interrupted = true;
        String what = published
            ? "interrupted during " + stage + ", after publishing its tables; the next run rebuilds bdhvs.duckdb and the reports"
            : "interrupted during " + stage + "; nothing published; the next run starts clean";
        try {
          warehouse.writeTextNow(manifestRelative(), manifest("interrupted", what + " (" + signal + ")"));
        } catch (RuntimeException e) {
          return what + " (its manifest could not be written: " + e.getMessage() + ")";
        }
        return what;
      }
    }

    /** The manifest as the run ends, on its own; never hides the error that ended the run, nor the interruption's. */
    private void recordManifest(String status, String error) {
      synchronized (commit) {
        if (interrupted) {
          return;
        }
        ended = true;
      }
      try {
        warehouse.writeTextNow(manifestRelative(), manifest(status, error));
      } catch (RuntimeException e) {
        if (error == null) {
          throw e;
        }
        progress.accept("warning: could not record the failed run's manifest: " + e.getMessage());
      }
    }

    private String manifestRelative() {
      return "runs/" + runId + ".json";
    }

    private String manifest(String status, String error) {
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
      if (landing != null) {
        m.put("landing_scan", Map.of("files", landing.all().size(), "hashed", landing.filesHashed(),
            "verify", verify, "seconds", scanSeconds));
      }
      Map<String, Object> sources = new LinkedHashMap<>();
      Map<String, Long> written = new LinkedHashMap<>();
      for (JobResult r : results.values()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("rows_read", r.rowsRead());
        s.put("rows_accepted", r.rowsAccepted());
        s.put("rows_rejected", r.rowsRejected());
        s.put("rejects_by_reason", r.rejectsByReason());
        if (!r.counts().isEmpty()) {
          s.put("counts", r.counts());
        }
        List<Map<String, Object>> files = new ArrayList<>();
        for (JobResult.FileResult f : r.files()) {
          Map<String, Object> fm = new LinkedHashMap<>();
          fm.put("path", f.delivery().path());
          fm.put("table", f.delivery().table());
          fm.put("sha256", f.delivery().sha256());
          fm.put("bytes", f.delivery().bytes());
          fm.put("read_because", f.because());
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
        if (ledger != null && landing != null && Landing.SOURCES.contains(r.source())) {
          s.put("held", held(r.source()));
        }
        sources.put(r.source(), s);
        written.putAll(r.tablesWritten());
      }
      m.put("sources", sources);
      m.put("written", written);
      // Each stage's Spark jobs beside its seconds; the data tests and anything else under their own names.
      List<Map<String, Object>> counted = new ArrayList<>();
      for (Map<String, Object> stage : stages) {
        Map<String, Object> c = new LinkedHashMap<>(stage);
        c.put("spark_jobs", sparkJobs.of((String) stage.get("job")));
        counted.add(c);
      }
      m.put("stages", counted);
      m.put("spark_jobs", Map.of("total", sparkJobs.total(), "data_tests", sparkJobs.of("data_tests"),
          SparkJobCount.OTHER, sparkJobs.of(SparkJobCount.OTHER)));
      // Every data test of the tables written, passing or not, the seconds each table's took (four
      // tables are tested at once, so these overlap) and the seconds of them all.
      m.put("data_tests", warehouse.dataTests().stream().flatMap(t -> t.results().stream())
          .map(DataTests.Result::manifest).toList());
      Map<String, Double> testSeconds = new LinkedHashMap<>();
      warehouse.dataTests().forEach(t -> testSeconds.put(t.table(), Math.round(t.seconds() * 1000) / 1000.0));
      m.put("data_test_seconds", testSeconds);
      m.put("data_test_wall_seconds", dataTestWallSeconds);
      try {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    /**
     * What the warehouse holds of a source after the run, from the ledger: files, rows, the latest
     * delivery, and deliveries no longer in the landing (kept: their rows stay).
     */
    private Map<String, Object> held(String source) {
      Set<String> inLanding = new HashSet<>();
      landing.all().forEach(d -> inLanding.add(d.path()));
      long files = 0;
      long read = 0;
      long accepted = 0;
      long rejected = 0;
      long gone = 0;
      String latest = null;
      for (Ledger.Entry e : ledger.all()) {
        if (!e.source().equals(source)) {
          continue;
        }
        files++;
        read += e.rowsRead();
        accepted += e.rowsAccepted();
        rejected += e.rowsRejected();
        if (e.folder() != null && (latest == null || e.folder().compareTo(latest) > 0)) {
          latest = e.folder();
        }
        if (!inLanding.contains(e.path()) && (e.folder() == null || Landing.onOrBefore(e.folder(), runDate))) {
          gone++;
        }
      }
      Map<String, Object> h = new TreeMap<>();
      h.put("files", files);
      h.put("rows_read", read);
      h.put("rows_accepted", accepted);
      h.put("rows_rejected", rejected);
      h.put("latest_delivery", latest);
      h.put("no_longer_in_landing", gone);
      return h;
    }
  }

  /** Runs {@code job} with the context of the class it names as its {@code C} of {@link Job}. */
  @SuppressWarnings("unchecked") // the context is an instance of that class: it was found by it
  private static JobResult runWithContext(Job<?> job, Map<Class<?>, Object> contexts) {
    Class<?> type = contextOf(job.getClass());
    Object context = contexts.get(type);
    if (context == null) {
      throw new IllegalStateException(job.getClass().getName() + " asks for a " + type.getName()
          + ", which the runner does not build");
    }
    return ((Job<Object>) job).run(context);
  }

  /** The class a job class names as its {@code C} of {@link Job}. */
  private static Class<?> contextOf(Class<?> jobClass) {
    for (Type t : jobClass.getGenericInterfaces()) {
      if (t instanceof ParameterizedType p && p.getRawType() == Job.class
          && p.getActualTypeArguments()[0] instanceof Class<?> c) {
        return c;
      }
    }
    throw new IllegalStateException(jobClass.getName() + " implements Job without naming its context class");
  }

  /**
   * The run's start, in a second no earlier run of this warehouse has used: run ids are
   * second-resolution times, and a backfill's nights can start in the same second.
   */
  private Instant uniqueStart(Configuration hadoop) {
    try {
      while (true) {
        Instant now = Instant.now();
        Path manifest = new Path(warehouseRoot + "/runs/" + RUN_ID.format(now) + ".json");
        if (!manifest.getFileSystem(hadoop).exists(manifest)) {
          return now;
        }
        Thread.sleep(1000 - now.toEpochMilli() % 1000);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run manifests of " + warehouseRoot, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting a run", e);
    }
  }
}
