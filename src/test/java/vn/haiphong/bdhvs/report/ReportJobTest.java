package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.runtime.UserError;

class ReportJobTest {
  private static final Set<YearMonth> MONTHS = Set.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 11));

  @Test
  void reportMonth_isTheRunDatesMonthWhenItHasACube() {
    assertEquals(YearMonth.of(2025, 10), ReportJob.reportMonth(YearMonth.of(2025, 10), MONTHS));
  }

  @Test
  void reportMonth_isTheLatestCubeMonthUpToTheRunDateOtherwise() {
    assertEquals(YearMonth.of(2025, 11), ReportJob.reportMonth(YearMonth.of(2025, 12), MONTHS));
    assertEquals(YearMonth.of(2025, 11), ReportJob.reportMonth(YearMonth.of(2025, 8), MONTHS));
  }

  @Test
  void localRoot_acceptsFoldersAndFileUrisButNotClusterPaths() {
    assertEquals(Path.of("/data/wh"), ReportJob.localRoot("/data/wh"));
    assertEquals(Path.of("/data/wh"), ReportJob.localRoot("file:///data/wh"));
    assertThrows(UserError.class, () -> ReportJob.localRoot("hdfs://nn/wh"));
  }
}
