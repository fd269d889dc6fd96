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
    footer = {"", "Example:", "  bdhvs report --warehouse /data/wh --month 2025-11",
        "  (writes /data/wh/reports/2025-11.html, 2025-11.xlsx and 2025-11.docx)"})
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--warehouse", required = true, description = "warehouse root folder")
  Path warehouse;

  @Option(names = "--month", required = true, description = "month yyyy-MM, e.g. 2025-11")
  YearMonth month;

  @Override
  public Integer call() {
    if (!Files.isDirectory(warehouse)) {
      throw new UserError("--warehouse " + warehouse + ": no such folder");
    }
    for (Path written : MonthlyReport.withReference().write(warehouse, month)) {
      System.out.println("bdhvs: wrote " + written);
    }
    return Main.OK;
  }
}
