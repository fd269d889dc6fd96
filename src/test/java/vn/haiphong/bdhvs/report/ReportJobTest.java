package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.runtime.UserError;

class ReportJobTest {
  private static final Set<YearMonth> MONTHS = Set.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 11));

  @Test
  void reportMonths_areTheClosedMonthAndTheRunDatesMonth() {
    assertEquals(List.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10)),
        ReportJob.reportMonths(YearMonth.of(2025, 10), MONTHS));
  }

  @Test
  void reportMonths_keepOnlyMonthsWithACube() {
    assertEquals(List.of(YearMonth.of(2025, 11)), ReportJob.reportMonths(YearMonth.of(2025, 12), MONTHS));
    assertEquals(List.of(YearMonth.of(2025, 9)), ReportJob.reportMonths(YearMonth.of(2025, 9), MONTHS));
  }

  @Test
  void reportMonths_fallBackToTheLatestCubeMonth() {
    assertEquals(List.of(YearMonth.of(2025, 11)), ReportJob.reportMonths(YearMonth.of(2026, 3), MONTHS));
    assertEquals(List.of(YearMonth.of(2025, 11)), ReportJob.reportMonths(YearMonth.of(2025, 8), MONTHS));
  }

  @Test
  void localRoot_acceptsFoldersAndFileUrisButNotClusterPaths() {
    assertEquals(Path.of("/data/wh"), ReportJob.localRoot("/data/wh"));
    assertEquals(Path.of("/data/wh"), ReportJob.localRoot("file:///data/wh"));
    assertThrows(UserError.class, () -> ReportJob.localRoot("hdfs://nn/wh"));
  }
}
