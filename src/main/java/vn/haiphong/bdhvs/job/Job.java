package vn.haiphong.bdhvs.job;

/**
 * One step of the nightly pipeline, named in {@code jobs/pipeline.json}. {@code C} is its context,
 * what the runner hands it and all it sees of the run: the run's session, id, date and warehouse
 * ({@code warehouse.RunContext}), or a stage's context around them ({@code ingest.IngestContext},
 * {@code linkage.LinkageContext}, {@code cube.CubeContext}), so that only the ingest jobs are given
 * the landing and the person keys. The runner owns the session, timing, errors and the run manifest.
 */
public interface Job<C> {
  JobResult run(C context);
}
