package vn.haiphong.bdhvs.ingest.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.instant;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
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
    return UnitReportIngest.withVersions(rows.frame(spark())).orderBy("unit_code", "period_type", "period", "version");
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
    Dataset<Row> versions = UnitReportIngest.withVersions(reports()
        .row(report("r1", "UB-11560", "month", "2025-11", "2025-12-02T09:00:00+07:00", "2025-12-02",
            metric("officials_total", 10), metric("officials_skilled", 8)))
        .row(report("r2", "UB-11560", "month", "2025-11", "2025-12-08T09:00:00+07:00", "2025-12-08",
            metric("officials_total", 12)))
        .row(report("empty", "SO-NV", "month", "2025-11", "2025-12-04T09:00:00+07:00", "2025-12-04"))
        .frame(spark()));
    List<String> metrics = UnitReportIngest.metrics(versions).orderBy("report_id", "metric_index").collectAsList()
        .stream().map(r -> r.getAs("report_id") + " v" + r.getAs("version") + " " + r.getAs("is_current") + " "
            + r.getAs("metric_code") + "=" + r.getAs("value")).toList();
    assertEquals(List.of("r1 v1 false officials_total=10.0", "r1 v1 false officials_skilled=8.0",
        "r2 v2 true officials_total=12.0"), metrics);
  }
}
