package vn.haiphong.bdhvs.ingest.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.instant;
import static vn.haiphong.bdhvs.StagedRows.with;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;

class UnitReportIngestTest extends SharedSpark {

  /** A report document of a unit for a period, submitted at an instant and delivered in a folder. */
  private static Object[] report(String id, String unit, String type, String period, String submittedAt,
      String folder, Row... metrics) {
    return new Object[] {"report_id", id, "unit_code", unit, "ward_code", "11560", "period", period,
        "period_type", type, "period_start", date("2025-10-01"), "period_end", date("2025-12-31"),
        "submitted_at", instant(submittedAt), "submitted_date", date(submittedAt.substring(0, 10)),
        "on_time", true, "metric_count", metrics.length, "source_file", "unit-reports/" + folder + "/" + id + ".json",
        "delivery_folder", folder, "metrics", List.of(metrics), "source_line", 1L};
  }

  private static Row metric(String code, double value) {
    return RowFactory.create(code, "public_sector", value);
  }

  private Dataset<Row> versioned(StagedRows rows) {
    return versioned(rows, approvals());
  }

  private Dataset<Row> versioned(StagedRows rows, StagedRows decisions) {
    return UnitReportIngest.withApprovals(UnitReportIngest.numbered(rows.frame(spark())),
            UnitReportIngest.decisions(decisions.frame(spark())))
        .orderBy("unit_code", "period_type", "period", "version");
  }

  private static StagedRows approvals() {
    return StagedRows.of("unit_report_approvals");
  }

  /** The city's decision on a version of UB-11560's November, at an instant, on line {@code line} of a day's file. */
  private static Object[] decision(int version, String decision, String decidedAt, long line) {
    return new Object[] {"unit_code", "UB-11560", "period", "2025-11", "period_type", "month", "version", version,
        "decision", decision, "decided_at", instant(decidedAt), "delivery_folder", decidedAt.substring(0, 10),
        "source_file", "unit-reports/approvals/" + decidedAt.substring(0, 10) + "/approvals.csv", "source_line", line};
  }

  private static StagedRows twoVersionsOfNovember() {
    return reports()
        .row(report("r1", "UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00", "2025-12-02"))
        .row(report("r2", "UB-11560", "month", "2025-11", "2025-12-08T09:00:00+07:00", "2025-12-08"));
  }

  private static String approvalOf(Row r) {
    return versionOf(r) + (r.<Boolean>getAs("is_approved") ? " approved" : "");
  }

  private static StagedRows reports() {
    return StagedRows.of(UnitReportParser.SCHEMA);
  }

  private static String versionOf(Row r) {
    return r.getAs("report_id") + " v" + r.getAs("version") + (r.<Boolean>getAs("is_current") ? " current" : "");
  }

  @Test
  void withVersions_numbersDocumentsBySubmissionTimeNotDeliveryFolder() {
    List<Row> rows = versioned(reports()
        .row(report("r1", "UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00", "2025-12-02"))
        .row(report("r3", "UB-11560", "month", "2025-11", "2025-12-08T09:00:00+07:00", "2025-12-08"))
        .row(report("r2", "UB-11560", "month", "2025-11", "2025-12-05T09:00:00+07:00", "2025-12-09"))).collectAsList();
    assertEquals(List.of("r1 v1", "r2 v2", "r3 v3 current"), rows.stream().map(UnitReportIngestTest::versionOf).toList());
  }

  @Test
  void withVersions_supersededAtIsTheNextSubmissionAndNullOnTheCurrent() {
    List<Row> rows = versioned(reports()
        .row(report("r1", "UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00", "2025-12-02"))
        .row(report("r2", "UB-11560", "month", "2025-11", "2025-12-08T09:00:00+07:00", "2025-12-08"))).collectAsList();
    assertEquals(instant("2025-12-08T09:00:00+07:00"), rows.get(0).getAs("superseded_at"));
    assertNull(rows.get(1).getAs("superseded_at"));
  }

  @Test
  void withVersions_otherUnitsPeriodsAndPeriodTypesAreIndependent() {
    List<Row> rows = versioned(reports()
        .row(report("m11", "UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00", "2025-12-02"))
        .row(report("m10", "UB-11560", "month", "2025-10", "2025-12-03T09:00:00+07:00", "2025-12-03"))
        .row(report("q4", "UB-11560", "quarter", "2025-Q4", "2026-01-03T09:00:00+07:00", "2026-01-03"))
        .row(report("other", "SO-NV", "month", "2025-11", "2025-12-04T09:00:00+07:00", "2025-12-04"))).collectAsList();
    assertEquals(4, rows.size());
    rows.forEach(r -> assertEquals(r.getAs("report_id") + " v1 current", versionOf(r)));
  }

  @Test
  void metrics_oneRowPerMetricCarryingItsDocumentsVersionAndCurrency() {
    Dataset<Row> versions = versioned(reports()
        .row(report("r1", "UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00", "2025-12-02",
            metric("officials_total", 10), metric("officials_skilled", 8)))
        .row(report("r2", "UB-11560", "month", "2025-11", "2025-12-08T09:00:00+07:00", "2025-12-08",
            metric("officials_total", 12)))
        .row(report("empty", "SO-NV", "month", "2025-11", "2025-12-04T09:00:00+07:00", "2025-12-04")));
    List<String> metrics = UnitReportIngest.metrics(versions).orderBy("report_id", "metric_index").collectAsList()
        .stream().map(r -> r.getAs("report_id") + " v" + r.getAs("version") + " " + r.getAs("is_current") + " "
            + r.getAs("metric_code") + "=" + r.getAs("value")).toList();
    assertEquals(List.of("r1 v1 false officials_total=10.0", "r1 v1 false officials_skilled=8.0",
        "r2 v2 true officials_total=12.0"), metrics);
  }

  @Test
  void approved_aLaterResubmissionIsKeptButTheApprovedFiguresStayCurrent() {
    List<Row> rows = versioned(twoVersionsOfNovember(),
        approvals().row(decision(1, "approved", "2025-12-05T10:00:00+07:00", 2))).collectAsList();
    assertEquals(List.of("r1 v1 current approved", "r2 v2"), rows.stream().map(UnitReportIngestTest::approvalOf).toList());
  }

  @Test
  void returned_unlocksTheUnitPeriodAndTheLatestVersionIsCurrentAgain() {
    List<Row> rows = versioned(twoVersionsOfNovember(), approvals()
        .row(decision(1, "approved", "2025-12-05T10:00:00+07:00", 2))
        .row(decision(1, "returned", "2025-12-07T10:00:00+07:00", 2))).collectAsList();
    assertEquals(List.of("r1 v1", "r2 v2 current"), rows.stream().map(UnitReportIngestTest::approvalOf).toList());
  }

  @Test
  void theLatestDecisionIsInForceWhateverOrderItWasDelivered() {
    // Returned, then the resubmission approved: delivered in one file, the approval on the earlier line.
    List<Row> rows = versioned(twoVersionsOfNovember(), approvals()
        .row(decision(2, "approved", "2025-12-09T10:00:00+07:00", 2))
        .row(with(decision(1, "returned", "2025-12-06T10:00:00+07:00", 3), "delivery_folder", "2025-12-09",
            "source_file", "unit-reports/approvals/2025-12-09/approvals.csv"))).collectAsList();
    assertEquals(List.of("r1 v1", "r2 v2 current approved"), rows.stream().map(UnitReportIngestTest::approvalOf).toList());
  }

  @Test
  void decisions_onOtherUnitsOrPeriodsLeaveAUnitPeriodAlone() {
    List<Row> rows = versioned(twoVersionsOfNovember(), approvals()
        .row(with(decision(1, "approved", "2025-12-05T10:00:00+07:00", 2), "period", "2025-10"))).collectAsList();
    assertEquals(List.of("r1 v1", "r2 v2 current"), rows.stream().map(UnitReportIngestTest::approvalOf).toList());
  }

  @Test
  void metrics_ofALockedUnitPeriodCountTheApprovedVersion() {
    Dataset<Row> locked = versioned(reports()
        .row(report("r1", "UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00", "2025-12-02",
            metric("officials_total", 10)))
        .row(report("r2", "UB-11560", "month", "2025-11", "2025-12-08T09:00:00+07:00", "2025-12-08",
            metric("officials_total", 99))),
        approvals().row(decision(1, "approved", "2025-12-05T10:00:00+07:00", 2)));
    List<Row> current = UnitReportIngest.metrics(locked).filter("is_current").collectAsList();
    assertEquals(1, current.size());
    assertEquals(10.0, current.get(0).<Double>getAs("value"));
  }

  @Test
  void monthsDecided_areThoseOfDecisionsThatDifferFromThePublishedOnes(@TempDir Path dir) {
    Dataset<Row> published = UnitReportIngest.decisions(approvals()
        .row(decision(1, "approved", "2025-12-05T10:00:00+07:00", 2))
        .row(with(decision(1, "approved", "2025-12-05T10:00:00+07:00", 3), "period", "2025-10", "period_type", "month"))
        .frame(spark()));
    published.write().parquet(dir.resolve("published").toString());
    // October's decision read again, the same; November's returned since; a quarter approved.
    Dataset<Row> now = UnitReportIngest.decisions(approvals()
        .row(decision(1, "approved", "2025-12-05T10:00:00+07:00", 2))
        .row(decision(1, "returned", "2025-12-07T10:00:00+07:00", 3))
        .row(with(decision(1, "approved", "2025-12-05T10:00:00+07:00", 4), "period", "2025-10"))
        .row(with(decision(1, "approved", "2026-01-08T10:00:00+07:00", 1), "period", "2025-Q4", "period_type", "quarter"))
        .frame(spark()));
    assertEquals(List.of("2025-11", "2025-12"), months(UnitReportIngest.monthsDecided(now,
        Optional.of(dir.resolve("published").toString()))));
    assertEquals(List.of("2025-10", "2025-11", "2025-12"), months(UnitReportIngest.monthsDecided(now, Optional.empty())));
  }

  private static List<String> months(Dataset<Row> months) {
    return months.distinct().orderBy("month").collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
