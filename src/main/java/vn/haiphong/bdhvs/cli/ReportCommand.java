package vn.haiphong.bdhvs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.report.MonthlyReport;

/** {@code bdhvs report}: the monthly report of one month, from the warehouse's cubes: the city's, a ward's, a unit's or all. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Write the monthly report reports/<YYYY-MM>.html (Vietnamese, self-contained, works offline), with the .xlsx and .docx beside it to edit and forward,",
        "and its PDF when a headless Chromium is installed; or one ward's or one unit's report, or all of them with their index, under reports/<YYYY-MM>/."},
    footer = {"", "Examples:", "  bdhvs report --warehouse /data/wh --month 2025-11",
        "  (writes /data/wh/reports/2025-11.html, 2025-11.xlsx, 2025-11.docx and 2025-11.pdf)",
        "  bdhvs report --warehouse /data/wh",
        "  (the latest closed month: every source delivered and its reports due; it says which)",
        "  bdhvs report --warehouse /data/wh --month 2025-11 --ward 10507",
        "  (writes /data/wh/reports/2025-11/xa-phuong/10507.html, .xlsx, .docx and .pdf, the report of phường Thành Đông)",
        "  bdhvs report --warehouse /data/wh --month 2025-11 --unit SO-GDDT",
        "  (writes /data/wh/reports/2025-11/don-vi/SO-GDDT.html, .xlsx, .docx and .pdf, the report of Sở Giáo dục và Đào tạo)",
        "  bdhvs report --warehouse /data/wh --month 2025-11 --all",
        "  (the city's files, reports/2025-11/index.html and every ward's and department's page, .xlsx and .docx, as the nightly",
        "  run writes them; a ward's or a department's PDF only when asked for alone)"})
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse root folder")
  Path warehouse;

  @Option(names = "--month", description = "month yyyy-MM, e.g. 2025-11; default: the latest closed month")
  YearMonth month;

  @ArgGroup(exclusive = true)
  Scope scope;

  /** At most one: without any, the city's report. */
  static final class Scope {
    @Option(names = "--ward", paramLabel = "CODE", description = "one ward's report, by its 5-digit code (reference/wards.csv), e.g. 10507")
    String ward;

    @Option(names = "--unit", paramLabel = "CODE", description = "one reporting unit's report, by its code (reference/reporting_units.csv), e.g. SO-GDDT")
    String unit;

    @Option(names = "--all", description = "the city's, every ward's and every department's reports, and their index")
    boolean all;
  }

  @Override
  public Integer call() {
    if (!Files.isDirectory(warehouse)) {
      throw new UserError("--warehouse " + warehouse + ": no such folder");
    }
    YearMonth shown = month;
    if (shown == null) {
      shown = MonthlyReport.latestClosedMonth(warehouse).orElseThrow(() -> new UserError("--warehouse " + warehouse
          + ": no closed month yet (every month still waits for a delivery or its reports' deadline); give --month"));
      System.out.println("bdhvs: month " + shown + ", the latest closed month");
    }
    MonthlyReport.Selection selection = scope == null ? MonthlyReport.Selection.CITY
        : scope.ward != null ? MonthlyReport.Selection.WARD
        : scope.unit != null ? MonthlyReport.Selection.UNIT : MonthlyReport.Selection.ALL;
    List<Path> written = new ArrayList<>(MonthlyReport.withReference().write(warehouse, shown, selection,
        scope == null ? null : scope.ward != null ? scope.ward : scope.unit));
    // One report asked for (the city's, a ward's, a unit's): its PDF too; --all prints the city's while it renders.
    if (selection != MonthlyReport.Selection.ALL) {
      MonthlyReport.printPdf(written.get(0)).ifPresent(written::add);
    }
    // A hundred-odd pages of --all are told by their folder, not listed.
    written.stream().filter(p -> selection != MonthlyReport.Selection.ALL || p.getParent().equals(warehouse.resolve("reports")))
        .forEach(p -> System.out.println("bdhvs: wrote " + p));
    if (selection == MonthlyReport.Selection.ALL) {
      System.out.println("bdhvs: wrote " + written.stream().filter(p -> p.getFileName().toString().endsWith(".html")
          && !p.getParent().equals(warehouse.resolve("reports"))).count() + " pages under " + warehouse.resolve("reports").resolve(shown.toString())
          + ": index.html, xa-phuong/<ward>.html, don-vi/<unit>.html, each with its .xlsx and .docx");
    }
    return Main.OK;
  }
}
