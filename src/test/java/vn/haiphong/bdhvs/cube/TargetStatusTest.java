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
 * Status against the plan target (docs/specification.md §5): the last statement of the cube's SQL over hand-made
 * valued cells, each scenario a ward of its own, run by Spark and by DuckDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetStatusTest extends SharedSpark {
  private static final String RATE = "PS_SKILLED_RATE";
  private final List<Row> values = new ArrayList<>();
  private final List<Row> earlier = new ArrayList<>();
  private Map<String, String> spark;
  private Map<String, String> duckdb;

  @BeforeAll
  void runBothEngines() throws Exception {
    runBefore();
    value("achieved", "2025-06", 80.0, 80.0).value("achieved", "2025-01", 20.0, 80.0);
    value("no_target", "2025-06", 50.0, null).value("no_value", "2025-06", null, 80.0);
    // January 12, target 78 in December: the line rises 6 a month, so July stands at 48.
    value("on_track", "2025-01", 12.0, 78.0).value("on_track", "2025-07", 48.0, 78.0);
    value("at_risk", "2025-01", 12.0, 78.0).value("at_risk", "2025-07", 38.0, 78.0);
    value("off_track", "2025-01", 12.0, 78.0).value("off_track", "2025-07", 37.9, 78.0);
    // First data in September at 20, target 80: October 40, November 60.
    value("september", "2025-09", 20.0, 80.0).value("september", "2025-11", 55.0, 80.0);
    value("december", "2025-12", 60.0, 80.0);
    // A rebuilt November whose baseline, September, is published: the line starts there.
    earlier.add(RowFactory.create("2025-09", "earlier", "ALL", RATE, 20.0));
    value("earlier", "2025-11", 55.0, 80.0);
    List<ReferenceFrames.Frame> frames = List.of(
        new ReferenceFrames.Frame("indicator_values", valuesSchema(), values),
        new ReferenceFrames.Frame(ReferenceFrames.EARLIER_CUBE, ReferenceFrames.noEarlierCube().schema(), earlier),
        new ReferenceFrames.Frame("reporting_counts", new StructType().add("month", DataTypes.StringType)
            .add("ward_code", DataTypes.StringType).add("expected", DataTypes.LongType)
            .add("received", DataTypes.LongType).add("timely", DataTypes.LongType), List.of()));
    CubeSql.Step status = last(CubeSql.steps(CubeFixture.reference("2025-11")));

    SparkCubeEngine sparkEngine = new SparkCubeEngine(spark());
    frames.forEach(sparkEngine::load);
    sparkEngine.define(status.relation(), status.sql(), false);
    spark = new TreeMap<>();
    for (Row r : sparkEngine.relation(status.relation()).collectAsList()) {
      spark.put(r.getAs("ward_code") + " " + r.getAs("month"), r.getAs("status"));
    }
    try (Connection c = BothEngines.duckdb(); Statement s = c.createStatement()) {
      IndicatorCubeSql.DuckDbCubeEngine duckEngine = new IndicatorCubeSql.DuckDbCubeEngine(c);
      frames.forEach(duckEngine::load);
      duckEngine.define(status.relation(), status.sql(), false);
      duckdb = new TreeMap<>();
      try (ResultSet r = s.executeQuery("SELECT ward_code, month, status FROM " + status.relation())) {
        while (r.next()) {
          duckdb.put(r.getString(1) + " " + r.getString(2), r.getString(3));
        }
      }
    }
  }

  private TargetStatusTest value(String ward, String month, Double value, Double target) {
    values.add(RowFactory.create(month, Integer.parseInt(month.substring(0, 4)), Integer.parseInt(month.substring(5)),
        ward, "ALL", RATE, "percent", "unit-reports", value, value == null ? null : 100.0, value, target));
    return this;
  }

  private static StructType valuesSchema() {
    return new StructType().add("month", DataTypes.StringType).add("year", DataTypes.IntegerType)
        .add("month_of_year", DataTypes.IntegerType).add("ward_code", DataTypes.StringType)
        .add("target_group", DataTypes.StringType).add("indicator_code", DataTypes.StringType)
        .add("unit", DataTypes.StringType).add("source", DataTypes.StringType)
        .add("numerator", DataTypes.DoubleType).add("denominator", DataTypes.DoubleType)
        .add("value", DataTypes.DoubleType).add("target_value", DataTypes.DoubleType);
  }

  private static CubeSql.Step last(List<CubeSql.Step> steps) {
    return steps.get(steps.size() - 1);
  }

  private String status(String ward, String month) {
    assertEquals(spark.get(ward + " " + month), duckdb.get(ward + " " + month), "Spark and DuckDB");
    return spark.get(ward + " " + month);
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
  void noTargetOrNoValue_isNoTarget() {
    assertEquals("no_target", status("no_target", "2025-06"));
    assertEquals("no_target", status("no_value", "2025-06"));
  }

  @Test
  void onOrAboveTheLineFromJanuaryToDecember_isOnTrack() {
    assertEquals("on_track", status("on_track", "2025-07"));
  }

  @Test
  void belowTheLineByTenPointsOrLess_isAtRisk() {
    assertEquals("at_risk", status("at_risk", "2025-07"));
  }

  @Test
  void belowTheLineByMoreThanTenPoints_isOffTrack() {
    assertEquals("off_track", status("off_track", "2025-07"));
  }

  @Test
  void baselineInSeptember_lineStartsThere() {
    assertEquals("at_risk", status("september", "2025-11"));
    assertEquals("at_risk", status("earlier", "2025-11"), "on track were November its own baseline");
  }

  @Test
  void baselineInDecember_theLineIsTheTarget() {
    assertEquals("off_track", status("december", "2025-12"));
  }
}
