package vn.haiphong.bdhvs.runtime;

/**
 * One step of the nightly pipeline, named in {@code jobs/pipeline.json}. A job reads its inputs
 * and writes its outputs through the {@link JobContext}; the runner owns the session, timing,
 * errors and the run manifest.
 */
public interface Job {
  JobResult run(JobContext context);
}
