package vn.haiphong.bdhvs.job;

import java.util.List;
import java.util.Map;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.FileCount;

/**
 * What a job did: per input file it read its counts, the rows of every table it wrote, its rejects
 * by reason, and any other figure it counts (the linkage's merges and ambiguous identifiers). The runner writes it into {@code runs/<run_id>.json}.
 */
public record JobResult(
    String source,
    List<FileResult> files,
    Map<String, Long> tablesWritten,
    Map<String, Long> rejectsByReason,
    Map<String, Long> counts) {

  /** A job whose figures are its files, tables and rejects alone. */
  public JobResult(String source, List<FileResult> files, Map<String, Long> tablesWritten,
      Map<String, Long> rejectsByReason) {
    this(source, files, tablesWritten, rejectsByReason, Map.of());
  }

  /** One input file read by the run: where it came from, what it gave, and why it was read (new, changed, reparsed). */
  public record FileResult(Delivery delivery, FileCount count, String because) {}

  public long rowsRead() {
    return files.stream().mapToLong(f -> f.count().read()).sum();
  }

  public long rowsAccepted() {
    return files.stream().mapToLong(f -> f.count().accepted()).sum();
  }

  public long rowsRejected() {
    return files.stream().mapToLong(f -> f.count().rejected()).sum();
  }
}
