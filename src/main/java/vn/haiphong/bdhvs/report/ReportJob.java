package vn.haiphong.bdhvs.report;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.warehouse.RunContext;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code write_report}: the reports officials read after a night's run (each month's city page, workbook,
 * document and PDF, and its ward and department pages, each with its workbook and document, and their
 * index; no PDF of those: see {@link ChromiumPdf}) — the latest closed month (every source complete for it at the run date: delivered, its
 * reports due by the 5th) and the run date's month to date — each when it has a cube; with neither,
 * the latest month that has one. A
 * warehouse without any cube writes nothing (the report has nothing to say), nor does one on HDFS or S3.
 */
public final class ReportJob implements Job<RunContext> {

  @Override
  public JobResult run(RunContext context) {
    // DuckDB reads the report's inputs from local files only: an HDFS or S3 warehouse gets no
    // report from the run; bdhvs report writes it from a local copy of the cubes.
    Optional<Path> local = Warehouse.localFolder(context.warehouse().root());
    Set<YearMonth> months = local.map(MonthlyReport::cubeMonths).orElse(Set.of());
    if (months.isEmpty()) {
      return new JobResult("report", List.of(), Map.of(), Map.of());
    }
    Path root = local.get();
    MonthlyReport report = MonthlyReport.withReference();
    Map<String, Long> written = new java.util.LinkedHashMap<>();
    Optional<YearMonth> closed = MonthlyReport.latestClosedMonth(root);
    Path reports = root.resolve("reports");
    for (YearMonth month : reportMonths(YearMonth.from(context.runDate()), months, closed)) {
      // The city's files and the index one by one; the month's ward and unit files counted by folder (some 380).
      for (Path file : report.write(root, month, MonthlyReport.Selection.ALL, null)) {
        Path relative = reports.relativize(file);
        String key = "reports/" + (relative.getNameCount() <= 2 ? relative : relative.getParent());
        written.merge(key, 1L, Long::sum);
      }
    }
    return new JobResult("report", List.of(), written, Map.of());
  }

  /**
   * The latest closed month (the one before the run date's when the warehouse does not say) and the run
   * date's own, those that have a cube; else the latest cube month.
   */
  static List<YearMonth> reportMonths(YearMonth runMonth, Set<YearMonth> cubeMonths, Optional<YearMonth> closed) {
    List<YearMonth> wanted = java.util.stream.Stream.of(closed.orElse(runMonth.minusMonths(1)), runMonth)
        .filter(cubeMonths::contains).distinct().toList();
    if (!wanted.isEmpty()) {
      return wanted;
    }
    return List.of(cubeMonths.stream().filter(m -> !m.isAfter(runMonth)).max(YearMonth::compareTo)
        .orElseGet(() -> cubeMonths.stream().max(YearMonth::compareTo).orElseThrow()));
  }
}
