package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.warehouse.RunContext;
import vn.haiphong.bdhvs.warehouse.Warehouse;

class ReportJobTest {
  private static final Set<YearMonth> MONTHS = Set.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 11));

  @Test
  void reportMonths_areTheClosedMonthAndTheRunDatesMonth() {
    assertEquals(List.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10)),
        ReportJob.reportMonths(YearMonth.of(2025, 10), MONTHS, Optional.empty()));
  }

  @Test
  void reportMonths_startFromTheLatestClosedMonth_notTheMonthBefore() {
    // On 3 January November is the latest closed month: December's reports fall due on the 5th.
    assertEquals(List.of(YearMonth.of(2025, 11)),
        ReportJob.reportMonths(YearMonth.of(2026, 1), MONTHS, Optional.of(YearMonth.of(2025, 11))));
    assertEquals(List.of(YearMonth.of(2025, 10), YearMonth.of(2025, 11)),
        ReportJob.reportMonths(YearMonth.of(2025, 11), MONTHS, Optional.of(YearMonth.of(2025, 10))));
  }

  @Test
  void reportMonths_keepOnlyMonthsWithACube() {
    assertEquals(List.of(YearMonth.of(2025, 11)), ReportJob.reportMonths(YearMonth.of(2025, 12), MONTHS, Optional.empty()));
    assertEquals(List.of(YearMonth.of(2025, 9)), ReportJob.reportMonths(YearMonth.of(2025, 9), MONTHS, Optional.empty()));
  }

  @Test
  void reportMonths_fallBackToTheLatestCubeMonth() {
    assertEquals(List.of(YearMonth.of(2025, 11)), ReportJob.reportMonths(YearMonth.of(2026, 3), MONTHS, Optional.empty()));
    assertEquals(List.of(YearMonth.of(2025, 11)), ReportJob.reportMonths(YearMonth.of(2025, 8), MONTHS, Optional.empty()));
  }

  @Test
  void run_onAClusterWarehouseWritesNoReportAndDoesNotFail(@TempDir java.nio.file.Path tmp) {
    // viewfs: a scheme other than file that Hadoop serves without a cluster (the warehouse opens its file system).
    Configuration hadoop = new Configuration();
    hadoop.set("fs.viewfs.mounttable.wh.link./wh", tmp.toUri().toString());
    Warehouse hdfs = new Warehouse("viewfs://wh/wh", hadoop, "run-1");
    RunContext context = new RunContext(null, "run-1", LocalDate.of(2025, 12, 10), hdfs);
    assertEquals(Map.of(), new ReportJob().run(context).tablesWritten());
  }
}
