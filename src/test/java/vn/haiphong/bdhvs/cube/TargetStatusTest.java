package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.SharedSpark;

/**
 * Status against the plan target and is_provisional (docs/specification.md §5): the last statement of the cube's
 * SQL over hand-made valued cells, each scenario a ward of its own, run by Spark and by DuckDB. Unless a
 * scenario says otherwise, the plan starts in April 2025 at 0 and sets 80 % for 2025: by the end of
 * September 6 of its 9 months are gone, so the trajectory stands at 53.33.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetStatusTest extends SharedSpark {
  private static final String RATE = "PS_SKILLED_RATE";
  private static final String RATIO = "MENTEES_PER_MENTOR";
  private final List<Row> values = new ArrayList<>();
  private final List<Row> counts = new ArrayList<>();
  private final List<Row> approvals = new ArrayList<>();
  private Map<String, String> spark;
  private Map<String, String> duckdb;

  /** One valued cell: {@code numerator}/{@code denominator} give the value in {@code unit}. */
  private record Cell(String ward, String month, String indicator, String unit, Double numerator, Double denominator,
      Double target, double baseline, int startYear, int startMonth, int targetYear, boolean complete) {
    Cell(String ward, String month, String indicator, String unit, Double numerator, Double denominator,
        Double target, double baseline, int startMonth, boolean complete) {
      this(ward, month, indicator, unit, numerator, denominator, target, baseline, 2025, startMonth,
          Integer.parseInt(month.substring(0, 4)), complete);
    }

    Cell(String ward, String month, Double percent, Double target) {
      this(ward, month, RATE, "percent", percent, percent == null ? null : 100.0, target, 0, 4, true);
    }

    Double value() {
      if (numerator == null || denominator == null) {
        return null;
      }
      return unit.equals("percent") ? numerator / denominator * 100 : numerator / denominator;
    }
  }

  @BeforeAll
  void runBothEngines() throws Exception {
    runBefore();
    add(new Cell("achieved", "2025-06", 80.0, 80.0));
    add(new Cell("no_target", "2025-06", 50.0, null));
    add(new Cell("no_data", "2025-06", null, 80.0));
    add(new Cell("neither", "2025-06", null, null));
    add(new Cell("first_figure", "2025-09", 3.9, 80.0));
    add(new Cell("on_line", "2025-09", 53.4, 80.0));
    add(new Cell("at_risk", "2025-09", 44.0, 80.0));
    add(new Cell("off_track", "2025-09", 43.0, 80.0));
    add(new Cell("before_start", "2025-03", 0.0, 80.0));
    // A stated baseline of 30: September's line stands at 30 + 50 × 6/9 = 63.33.
    add(new Cell("baseline", "2025-09", RATE, "percent", 55.0, 100.0, 80.0, 30, 4, true));
    // A ratio's margin is 10 % of its target: 0.5 mentees below a line at 5 × 6/9 = 3.33.
    add(new Cell("ratio_far", "2025-09", RATIO, "ratio", 4.0, 100.0, 5.0, 0, 4, true));
    add(new Cell("ratio_near", "2025-09", RATIO, "ratio", 290.0, 100.0, 5.0, 0, 4, true));
    add(new Cell("ratio_off", "2025-09", RATIO, "ratio", 280.0, 100.0, 5.0, 0, 4, true));
    add(new Cell("ratio_achieved", "2025-09", RATIO, "ratio", 20.0, 4.0, 5.0, 0, 4, true));
    add(new Cell("above_100", "2025-09", RATE, "percent", 4357.0, 1000.0, 80.0, 0, 4, true));
    add(new Cell("below_0", "2025-09", RATE, "percent", -1.0, 100.0, 80.0, 0, 4, true));
    add(new Cell("above_100_no_target", "2025-09", RATE, "percent", 120.0, 100.0, null, 0, 4, true));
    add(new Cell("not_complete", "2025-09", RATE, "percent", null, null, 80.0, 0, 4, false));
    // A year without a target of its own is judged against the next (2030: 100 %) on a line from the previous
    // target (80 % at the end of 2025): 80 + 20 × 6/60 = 82 by the end of June 2026.
    add(new Cell("next_milestone", "2026-06", RATE, "percent", 78.0, 100.0, 100.0, 80, 2026, 1, 2030, true));
    add(new Cell("reports_missing", "2025-09", 60.0, 80.0));
    counts.add(RowFactory.create("2025-09", "reports_missing", 3, 2, 2));
    add(new Cell("reports_in", "2025-09", 60.0, 80.0));
    counts.add(RowFactory.create("2025-09", "reports_in", 3, 3, 3));
    // Every report in; the figures rest on 3 reports, of which the city approved 2, or all 3.
    add(new Cell("not_approved", "2025-09", 60.0, 80.0));
    counts.add(RowFactory.create("2025-09", "not_approved", 3, 3, 3));
    approvals.add(RowFactory.create("2025-09", "not_approved", 3, 2));
    add(new Cell("approved", "2025-09", 60.0, 80.0));
    counts.add(RowFactory.create("2025-09", "approved", 3, 3, 3));
    approvals.add(RowFactory.create("2025-09", "approved", 3, 3));
    // A measured figure from unit reports (the share of reports received) does not rest on their figures.
    add(new Cell("measured", "2025-09", "REPORT_COMPLETENESS", "percent", 60.0, 100.0, 80.0, 0, 4, true));
    counts.add(RowFactory.create("2025-09", "measured", 3, 3, 3));
    approvals.add(RowFactory.create("2025-09", "measured", 3, 0));

    List<ReferenceFrames.Frame> frames = List.of(
        new ReferenceFrames.Frame("indicator_values", valuesSchema(), values),
        new ReferenceFrames.Frame("reporting_counts", new StructType().add("month", DataTypes.StringType)
            .add("ward_code", DataTypes.StringType).add("expected", DataTypes.IntegerType)
            .add("received", DataTypes.IntegerType).add("timely", DataTypes.IntegerType), counts),
        new ReferenceFrames.Frame("report_approvals", new StructType().add("month", DataTypes.StringType)
            .add("ward_code", DataTypes.StringType).add("reporting_units", DataTypes.IntegerType)
            .add("approved_units", DataTypes.IntegerType), approvals));
    CubeSql.Step status = last(CubeSql.steps(CubeFixture.reference("2025-11")));

    SparkCubeEngine sparkEngine = new SparkCubeEngine(spark());
    frames.forEach(sparkEngine::load);
    sparkEngine.define(status);
    spark = new TreeMap<>();
    for (Row r : sparkEngine.relation(status.relation()).collectAsList()) {
      spark.put(r.getAs("ward_code") + " " + r.getAs("month"), r.getAs("status") + " " + r.getAs("is_provisional"));
    }
    try (Connection c = BothEngines.duckdb(); Statement s = c.createStatement()) {
      IndicatorCubeSql.DuckDbCubeEngine duckEngine = new IndicatorCubeSql.DuckDbCubeEngine(c);
      frames.forEach(duckEngine::load);
      duckEngine.define(status);
      duckdb = new TreeMap<>();
      try (ResultSet r = s.executeQuery("SELECT ward_code, month, status, is_provisional FROM " + status.relation())) {
        while (r.next()) {
          duckdb.put(r.getString(1) + " " + r.getString(2), r.getString(3) + " " + r.getBoolean(4));
        }
      }
    }
  }

  private void add(Cell c) {
    values.add(RowFactory.create(c.month(), Integer.parseInt(c.month().substring(0, 4)),
        Integer.parseInt(c.month().substring(5)), c.ward(), "ALL", c.indicator(), c.unit(), "unit-reports",
        c.indicator().startsWith("REPORT_") ? "measured" : "reported", c.complete(), c.numerator(), c.denominator(),
        c.value(), c.target(), c.target() == null ? null : c.targetYear(), c.target() == null ? null : "PLAN",
        c.baseline(), c.startYear(), c.startMonth()));
  }

  private static StructType valuesSchema() {
    return new StructType().add("month", DataTypes.StringType).add("year", DataTypes.IntegerType)
        .add("month_of_year", DataTypes.IntegerType).add("ward_code", DataTypes.StringType)
        .add("target_group", DataTypes.StringType).add("indicator_code", DataTypes.StringType)
        .add("unit", DataTypes.StringType).add("source", DataTypes.StringType)
        .add("basis", DataTypes.StringType).add("is_complete", DataTypes.BooleanType)
        .add("numerator", DataTypes.DoubleType).add("denominator", DataTypes.DoubleType)
        .add("value", DataTypes.DoubleType).add("target_value", DataTypes.DoubleType)
        .add("target_year", DataTypes.IntegerType).add("target_plan_id", DataTypes.StringType)
        .add("baseline_value", DataTypes.DoubleType).add("start_year", DataTypes.IntegerType)
        .add("start_month_of_year", DataTypes.IntegerType);
  }

  private static CubeSql.Step last(List<CubeSql.Step> steps) {
    return steps.get(steps.size() - 1);
  }

  /** "status is_provisional" of the scenario's row, the same from both engines. */
  private String row(String ward, String month) {
    assertEquals(spark.get(ward + " " + month), duckdb.get(ward + " " + month), "Spark and DuckDB");
    return spark.get(ward + " " + month);
  }

  private String status(String ward, String month) {
    return row(ward, month).split(" ")[0];
  }

  @Test
  void bothEngines_giveEveryRowTheSameStatus() {
    assertEquals(spark, duckdb);
    assertEquals(values.size(), spark.size());
  }

  @Test
  void valueAtOrAboveTarget_isAchieved() {
    assertEquals("achieved", status("achieved", "2025-06"));
  }

  @Test
  void targetWithoutValue_isNoData_andNoTargetOnlyWithoutTarget() {
    assertEquals("no_data", status("no_data", "2025-06"));
    assertEquals("no_target", status("no_target", "2025-06"));
    assertEquals("no_target", status("neither", "2025-06"));
  }

  @Test
  void trajectoryStartsAtThePlansStart_firstFigureFarBelowIt_isOffTrack() {
    assertEquals("off_track", status("first_figure", "2025-09"), "3.9 % against 80 % in September");
    assertEquals("on_track", status("on_line", "2025-09"));
    assertEquals("at_risk", status("at_risk", "2025-09"), "9.33 points below the line");
    assertEquals("off_track", status("off_track", "2025-09"), "10.33 points below the line");
  }

  @Test
  void beforeThePlanStarts_theLineIsTheBaseline() {
    assertEquals("on_track", status("before_start", "2025-03"));
  }

  @Test
  void yearWithoutATarget_isJudgedOnTheLineToTheNextTarget() {
    assertEquals("at_risk", status("next_milestone", "2026-06"), "off track on a line that ended in 2026");
  }

  @Test
  void statedBaseline_raisesTheLine() {
    assertEquals("at_risk", status("baseline", "2025-09"), "on track were the line to start at 0");
  }

  @Test
  void ratioMargin_isAShareOfTheTarget_notTenPoints() {
    assertEquals("off_track", status("ratio_far", "2025-09"), "0.04 mentees per mentor against 5");
    assertEquals("at_risk", status("ratio_near", "2025-09"));
    assertEquals("off_track", status("ratio_off", "2025-09"));
    assertEquals("achieved", status("ratio_achieved", "2025-09"), "a ratio's numerator may exceed its denominator");
  }

  @Test
  void impossibleRate_isCheckData_neverAchieved() {
    assertEquals("check_data", status("above_100", "2025-09"), "435.7 %");
    assertEquals("check_data", status("below_0", "2025-09"));
    assertEquals("check_data", status("above_100_no_target", "2025-09"));
  }

  @Test
  void sourceNotComplete_isNoDataAndProvisional() {
    assertEquals("no_data true", row("not_complete", "2025-09"));
  }

  @Test
  void reportsMissing_areProvisional_allIn_isNot() {
    assertEquals("on_track true", row("reports_missing", "2025-09"));
    assertEquals("on_track false", row("reports_in", "2025-09"));
  }

  @Test
  void reportedFiguresRestingOnAReportNotApproved_areProvisional() {
    assertEquals("on_track true", row("not_approved", "2025-09"));
    assertEquals("on_track false", row("approved", "2025-09"));
    assertEquals("on_track false", row("measured", "2025-09"));
  }
}
