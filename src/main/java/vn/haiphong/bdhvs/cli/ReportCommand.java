package vn.haiphong.bdhvs.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.report.MonthlyReport;
import vn.haiphong.bdhvs.runtime.UserError;

/** {@code bdhvs report}: the monthly report of one month, from the warehouse's cubes. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Write the monthly report reports/<YYYY-MM>.html (Vietnamese, self-contained, works offline), with the .xlsx and .docx beside it to edit and forward.",
    footer = {"", "Examples:", "  bdhvs report --warehouse /data/wh --month 2025-11",
        "  (writes /data/wh/reports/2025-11.html, 2025-11.xlsx and 2025-11.docx)",
        "  bdhvs report --warehouse /data/wh",
        "  (the latest closed month: every source delivered and its reports due; it says which)"})
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse root folder")
  Path warehouse;

  @Option(names = "--month", description = "month yyyy-MM, e.g. 2025-11; default: the latest closed month")
  YearMonth month;

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
    for (Path written : MonthlyReport.withReference().write(warehouse, shown)) {
      System.out.println("bdhvs: wrote " + written);
    }
    return Main.OK;
  }
}
