package vn.haiphong.bdhvs.cube;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.StagedRows;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** Staged tables built row by row in a test (empty unless given), and the cube over chosen months. */
final class CubeFixture {
  static final WardDirectory WARDS = WardDirectory.load();
  static final ReportingUnits UNITS = ReportingUnits.load(WARDS);

  private final Map<String, StagedRows> byTable = new LinkedHashMap<>();
  final StagedRows registrations = staged("contest_registrations");
  final StagedRows visits = staged("contest_visits");
  final StagedRows lms = staged("lms_enrolment_history");
  final StagedRows mooc = staged("mooc_statements");
  final StagedRows operators = staged("telecom_operator");
  final StagedRows speedtests = staged("telecom_speedtest");
  final StagedRows reports = staged("unit_reports");
  final StagedRows metrics = staged("unit_report_metrics");
  final StagedRows links = staged("person_links");

  private StagedRows staged(String table) {
    return byTable.computeIfAbsent(table, StagedRows::staged);
  }

  /** Every cube input: the rows given to this fixture, an empty table for the others. */
  CubeInputs inputs(SparkSession spark) {
    return CubeInputs.of(table -> staged(table).frame(spark));
  }

  /** The reference of {@code months} judged once the last one is closed: its reports have fallen due. */
  static CubeReference reference(String... months) {
    return referenceOn(YearMonth.parse(months[months.length - 1]).plusMonths(1).atDay(6), months);
  }

  /** The reference of {@code months} as a run on {@code runDate} sees them. */
  static CubeReference referenceOn(java.time.LocalDate runDate, String... months) {
    List<YearMonth> list = Arrays.stream(months).map(YearMonth::parse).toList();
    return CubeReference.load(list, "run-test", runDate, WARDS, UNITS);
  }

  /** One metric of a unit's current monthly report. */
  CubeFixture report(String unit, String ward, String period, String metric, double value) {
    metrics.row("unit_code", unit, "ward_code", ward, "period", period, "period_type", "month", "version", 1,
        "is_current", true, "metric_code", metric, "value", value, "metric_index", metricIndex++);
    return this;
  }

  /** A unit's first (and current) monthly report document. */
  CubeFixture document(String unit, String period, boolean onTime) {
    reports.row("unit_code", unit, "period", period, "period_type", "month", "version", 1, "is_current", true,
        "on_time", onTime);
    return this;
  }

  /** A unit's current monthly report carrying figures, in {@code ward}, and whether the city approved it. */
  CubeFixture decided(String unit, String ward, String period, boolean approved) {
    reports.row("unit_code", unit, "ward_code", ward, "period", period, "period_type", "month", "version", 1,
        "is_current", true, "is_approved", approved, "metric_count", 2, "on_time", true);
    return this;
  }

  /** Rows a dense cube holds per month, counted from the catalog: wards (114, ALL, UNKNOWN) × groups (6, ALL) per breakdown. */
  static long cellsPerMonth() {
    long wards = WARDS.wards().size() + 2;
    long groups = TargetGroup.values().length + 1;
    long cells = 0;
    for (Indicator i : IndicatorCatalog.load().indicators()) {
      cells += switch (i.breakdown()) {
        case Indicator.BY_WARD_AND_GROUP -> wards * groups;
        case Indicator.BY_WARD -> wards;
        default -> 1;
      };
    }
    return cells;
  }

  private int metricIndex;
}
