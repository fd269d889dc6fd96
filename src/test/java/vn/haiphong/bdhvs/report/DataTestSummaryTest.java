package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's summary of the data tests: from the newest manifest that tested each table, in Vietnamese. */
class DataTestSummaryTest {
  @TempDir Path warehouse;

  private static String test(String table, String expectation, String kind, String severity, long failing) {
    return "{\"table_name\": \"" + table + "\", \"expectation\": \"" + expectation + "\", \"kind\": \"" + kind
        + "\", \"severity\": \"" + severity + "\", \"failing_rows\": " + failing + "}";
  }

  private void manifest(String runId, String jobs, String... tests) throws IOException {
    Files.createDirectories(warehouse.resolve("runs"));
    Files.writeString(warehouse.resolve("runs/" + runId + ".json"), "{\"run_id\": \"" + runId + "\", \"status\": \"succeeded\","
        + " \"finished_at\": \"t\", \"jobs\": " + jobs + ", \"sources\": {}, \"data_tests\": [" + String.join(", ", tests) + "]}");
  }

  @Test
  void eachTable_asItsNewestTestFoundIt() throws IOException {
    manifest("run-20251210T180000Z", "[\"ingest_course\", \"build_cubes\", \"check_unit_reports\"]",
        test("indicator_cube", "numerator_within_denominator", "check", "warn", 3),
        test("report_outliers", "method_accepted", "accepted", "error", 0));
    manifest("run-20251211T180000Z-build_cubes", "[\"build_cubes\"]",
        test("indicator_cube", "numerator_within_denominator", "check", "warn", 1));

    LatestRun run = LatestRun.read(warehouse).orElseThrow();

    assertEquals("indicator_cube=1 report_outliers=0", run.dataTests().stream()
        .map(t -> t.table() + "=" + t.failingRows()).collect(Collectors.joining(" ")));
  }

  @Test
  void summary_countsTheTests_andNamesEachThatFoundRowsInVietnamese() {
    LatestRun run = new LatestRun("r", "t", "succeeded", List.of(), List.of(
        new LatestRun.DataTest("indicator_cube", "numerator_within_denominator", "check", "warn", 1234),
        new LatestRun.DataTest("indicator_cube", "status_accepted", "accepted", "error", 0),
        new LatestRun.DataTest("staged_x", "x_not_null", "not_null", "error", 0)));
    String html = DataQuality.dataTests(Optional.of(run));
    assertTrue(html.contains("đã kiểm tra tự động 3 quy tắc trên 2 bảng số liệu: 2 quy tắc đạt, 1 quy tắc có dòng không đạt"), html);
    assertTrue(html.contains("<td data-label=\"Bảng\">Bảng chỉ tiêu</td><td data-label=\"Quy tắc\">Tỷ lệ có tử số lớn hơn mẫu số"), html);
    assertTrue(html.contains(">Cảnh báo<") && html.contains(">1.234<"), html);
    assertFalse(html.contains("numerator_within_denominator"), "codes stay in the data");
  }

  @Test
  void summary_whenEveryTestPasses_orNoneRan() {
    LatestRun passing = new LatestRun("r", "t", "succeeded", List.of(),
        List.of(new LatestRun.DataTest("rejects", "line_range", "range", "error", 0)));
    assertTrue(DataQuality.dataTests(Optional.of(passing)).contains("1 quy tắc trên 1 bảng số liệu: 1 quy tắc đạt.</p>"));
    assertEquals("<p>Chưa có lần kiểm tra tự động nào.</p>\n", DataQuality.dataTests(Optional.empty()));
  }
}
