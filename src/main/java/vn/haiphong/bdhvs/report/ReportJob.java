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
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code write_report}: the reports officials read after a night's run — the month just closed
 * (its reports fall due by the 5th, so early in a month it is the one being completed) and the run
 * date's month to date — each when it has a cube; with neither, the latest month that has one. A
 * warehouse without any cube writes nothing (the report has nothing to say).
 */
public final class ReportJob implements Job {

  @Override
  public JobResult run(JobContext context) {
    Path root = localRoot(context.warehouse().root());
    Set<YearMonth> months = MonthlyReport.cubeMonths(root);
    if (months.isEmpty()) {
      return new JobResult("report", List.of(), Map.of(), Map.of());
    }
    MonthlyReport report = MonthlyReport.withReference();
    Map<String, Long> written = new java.util.LinkedHashMap<>();
    for (YearMonth month : reportMonths(YearMonth.from(context.runDate()), months)) {
      written.put("reports/" + report.write(root, month).getFileName(), 1L);
    }
    return new JobResult("report", List.of(), written, Map.of());
  }

  /** The closed month before the run date's and the run date's own, those that have a cube; else the latest cube month. */
  static List<YearMonth> reportMonths(YearMonth runMonth, Set<YearMonth> cubeMonths) {
    List<YearMonth> wanted = java.util.stream.Stream.of(runMonth.minusMonths(1), runMonth)
        .filter(cubeMonths::contains).toList();
    if (!wanted.isEmpty()) {
      return wanted;
    }
    return List.of(cubeMonths.stream().filter(m -> !m.isAfter(runMonth)).max(YearMonth::compareTo)
        .orElseGet(() -> cubeMonths.stream().max(YearMonth::compareTo).orElseThrow()));
  }

  // DuckDB reads the report's inputs from the local file system; a cluster warehouse needs a local copy.
  static Path localRoot(String root) {
    return Warehouse.localFolder(root).orElseThrow(() -> new UserError(
        "the monthly report reads a local warehouse folder, not " + root
            + "; run bdhvs report --warehouse on a local copy"));
  }
}
