package vn.haiphong.bdhvs.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.haiphong.bdhvs.runtime.Job;
import vn.haiphong.bdhvs.runtime.JobContext;
import vn.haiphong.bdhvs.runtime.JobResult;
import vn.haiphong.bdhvs.runtime.UserError;

/**
 * {@code write_report}: the monthly report of the run date's month, or of the latest month with a
 * cube when the run date's month has none yet. A warehouse without any cube writes nothing (the
 * report has nothing to say), which the result shows as no table written.
 */
public final class ReportJob implements Job {

  @Override
  public JobResult run(JobContext context) {
    Path root = localRoot(context.warehouse().root());
    Set<YearMonth> months = MonthlyReport.cubeMonths(root);
    if (months.isEmpty()) {
      return new JobResult("report", List.of(), Map.of(), Map.of());
    }
    YearMonth month = reportMonth(YearMonth.from(context.runDate()), months);
    Path written = MonthlyReport.withReference().write(root, month);
    return new JobResult("report", List.of(), Map.of("reports/" + written.getFileName(), 1L), Map.of());
  }

  /** The run date's month when it has a cube, else the latest month that has one. */
  static YearMonth reportMonth(YearMonth runMonth, Set<YearMonth> cubeMonths) {
    if (cubeMonths.contains(runMonth)) {
      return runMonth;
    }
    return cubeMonths.stream().filter(m -> !m.isAfter(runMonth)).max(YearMonth::compareTo)
        .orElseGet(() -> cubeMonths.stream().max(YearMonth::compareTo).orElseThrow());
  }

  // DuckDB reads the report's inputs from the local file system; a cluster warehouse needs a local copy.
  static Path localRoot(String root) {
    if (root.startsWith("file:")) {
      return Path.of(java.net.URI.create(root));
    }
    if (root.contains("://")) {
      throw new UserError("the monthly report reads a local warehouse folder, not " + root
          + "; run bdhvs report --warehouse on a local copy");
    }
    return Path.of(root);
  }
}
