package vn.haiphong.bdhvs.cube;

import static vn.haiphong.bdhvs.codes.DimensionMember.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH_END;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH_OF_YEAR;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;
import static vn.haiphong.bdhvs.cube.Rollup.YEAR;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.ingest.reports.ReportDeadline;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.PopulationDenominator;
import vn.haiphong.bdhvs.reference.ReportMetric;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.Ward;

/**
 * The small tables a cube build derives from the reference data — months, the dense cells, targets,
 * population denominators, metric roles, reporting units and the reports they owe — as plain rows.
 * Spark's cube and DuckDB's ({@link IndicatorCubeSql}) both read them from here, so the two can
 * only differ in how they compute, never in what they start from.
 */
public final class ReferenceFrames {
  /** A named table of rows with its schema. */
  public record Frame(String name, StructType schema, List<Row> rows) {
    public Dataset<Row> toSpark(SparkSession spark) {
      return spark.createDataFrame(rows, schema);
    }
  }

  static final String UNIT = "unit";
  static final String BASIS = "basis";
  static final String BREAKDOWN = "breakdown";
  static final String UNIT_CODE = "unit_code";

  private ReferenceFrames() {}

  /** Every frame of a cube build, for loading into another engine. */
  static List<Frame> all(CubeReference ref) {
    return List.of(months(ref.months()), cells(ref), targets(ref), population(ref), metricRoles(ref),
        reportingUnits(ref), expectedReports(ref), levels(), indicators(ref));
  }

  /**
   * One row per month: its label, last day, year and month of year; the first run date on which the month
   * is over (the daily exports hold all of it) and the first on which its reports' deadline has passed.
   */
  static Frame months(List<YearMonth> months) {
    List<Row> rows = new ArrayList<>();
    for (YearMonth m : months) {
      rows.add(RowFactory.create(m.toString(), java.sql.Date.valueOf(m.atEndOfMonth()), m.getYear(), m.getMonthValue(),
          java.sql.Date.valueOf(m.atEndOfMonth().plusDays(1)),
          java.sql.Date.valueOf(ReportDeadline.of(m.atEndOfMonth()).plusDays(1))));
    }
    return new Frame("months", new StructType()
        .add(MONTH, DataTypes.StringType, false)
        .add(MONTH_END, DataTypes.DateType, false)
        .add(YEAR, DataTypes.IntegerType, false)
        .add(MONTH_OF_YEAR, DataTypes.IntegerType, false)
        .add("month_closed_on", DataTypes.DateType, false)
        .add("reports_closed_on", DataTypes.DateType, false), rows);
  }

  /** The cells every month must have: per indicator, the wards and target groups of its breakdown. */
  static Frame cells(CubeReference ref) {
    List<String> wards = cubeWards(ref);
    List<String> groups = new ArrayList<>();
    for (TargetGroup g : TargetGroup.values()) {
      groups.add(g.code());
    }
    groups.add(ALL);
    List<Row> rows = new ArrayList<>();
    for (Indicator i : ref.catalog().indicators()) {
      List<String> cellWards = i.breakdown().equals(Indicator.CITY_ONLY) ? List.of(ALL) : wards;
      List<String> cellGroups = i.breakdown().equals(Indicator.BY_WARD_AND_GROUP) ? groups : List.of(ALL);
      for (String w : cellWards) {
        for (String g : cellGroups) {
          rows.add(RowFactory.create(i.code(), w, g, i.unit(), i.basis(), i.breakdown(), i.source()));
        }
      }
    }
    StructType schema = new StructType();
    for (String c : new String[] {INDICATOR, WARD, GROUP, UNIT, BASIS, BREAKDOWN, "source"}) {
      schema = schema.add(c, DataTypes.StringType, false);
    }
    return new Frame("cells", schema, rows);
  }

  /**
   * Plan targets per indicator × year × ward: the milestone in force for the ward in that year (the rules of
   * {@link vn.haiphong.bdhvs.reference.PlanTargets}), its year and plan, and where its line starts.
   */
  static Frame targets(CubeReference ref) {
    TreeSet<Integer> years = new TreeSet<>();
    ref.months().forEach(m -> years.add(m.getYear()));
    List<Row> rows = new ArrayList<>();
    for (Indicator i : ref.catalog().indicators()) {
      if (i.targetCode() == null) {
        continue;
      }
      for (int year : years) {
        for (String ward : cubeWards(ref)) {
          ref.targets().milestone(i.targetCode(), year, ward)
              .ifPresent(m -> rows.add(RowFactory.create(i.code(), year, ward, m.target().targetValue(),
                  m.target().year(), m.target().plan().id(), m.fromValue(), m.from().getYear(),
                  m.from().getMonthValue())));
        }
      }
    }
    return new Frame("targets", new StructType().add(INDICATOR, DataTypes.StringType).add(YEAR, DataTypes.IntegerType)
        .add(WARD, DataTypes.StringType).add("target_value", DataTypes.DoubleType)
        .add("target_year", DataTypes.IntegerType).add("target_plan_id", DataTypes.StringType)
        .add("baseline_value", DataTypes.DoubleType).add("start_year", DataTypes.IntegerType)
        .add("start_month_of_year", DataTypes.IntegerType), rows);
  }

  /** The population reference: ward_code, year, measure, value (the persons facts' denominators). */
  static Frame population(CubeReference ref) {
    List<Row> rows = new ArrayList<>();
    for (PopulationDenominator d : ref.denominators().rows()) {
      rows.add(RowFactory.create(d.wardCode(), d.year(), d.measure(), (double) d.value()));
    }
    return new Frame("population", new StructType().add(WARD, DataTypes.StringType).add(YEAR, DataTypes.IntegerType)
        .add("measure", DataTypes.StringType).add("value", DataTypes.DoubleType), rows);
  }

  /** Which report metric is the numerator or the denominator of which indicator (reference/report_metrics.csv). */
  static Frame metricRoles(CubeReference ref) {
    List<Row> rows = new ArrayList<>();
    for (ReportMetric m : ref.reportMetrics().metrics()) {
      rows.add(RowFactory.create(m.code(), m.indicator(), m.role()));
    }
    return new Frame("metric_roles", new StructType().add("metric_code", DataTypes.StringType)
        .add(INDICATOR, DataTypes.StringType).add("role", DataTypes.StringType), rows);
  }

  /** Reporting units: unit_code (as reports are matched: trimmed, upper case), kind, ward_code. */
  static Frame reportingUnits(CubeReference ref) {
    List<Row> rows = new ArrayList<>();
    for (ReportingUnit u : ref.reportingUnits().units()) {
      rows.add(RowFactory.create(unitCode(u), u.kind(), u.wardCode()));
    }
    return new Frame("reporting_units", new StructType().add(UNIT_CODE, DataTypes.StringType)
        .add("kind", DataTypes.StringType).add(WARD, DataTypes.StringType), rows);
  }

  /**
   * Per month, the report each unit owes (DHIS2's expected reports: units × periods due), counted only once
   * its deadline has passed at the run date: before that a missing report is not late.
   */
  static Frame expectedReports(CubeReference ref) {
    List<Row> rows = new ArrayList<>();
    for (YearMonth month : ref.months()) {
      // Every period owed in a month ends with that month.
      if (!ReportDeadline.passed(month.atEndOfMonth(), ref.runDate())) {
        continue;
      }
      for (ReportingUnit u : ref.reportingUnits().units()) {
        for (String type : u.expectedPeriodTypes()) {
          PeriodsDue.due(type, month).ifPresent(period ->
              rows.add(RowFactory.create(month.toString(), unitCode(u), u.wardCode(), type, period)));
        }
      }
    }
    return new Frame("expected_reports", new StructType().add(MONTH, DataTypes.StringType)
        .add(UNIT_CODE, DataTypes.StringType).add(WARD, DataTypes.StringType)
        .add("period_type", DataTypes.StringType).add("period", DataTypes.StringType), rows);
  }

  /**
   * The levels of each breakdown a base row counts at: its own ward and target group, and each ALL
   * member above them that the breakdown has.
   */
  static Frame levels() {
    List<Row> rows = new ArrayList<>();
    for (boolean byWard : new boolean[] {true, false}) {
      for (boolean byGroup : new boolean[] {true, false}) {
        rows.add(RowFactory.create(Indicator.BY_WARD_AND_GROUP, byWard, byGroup));
      }
      rows.add(RowFactory.create(Indicator.BY_WARD, byWard, false));
    }
    rows.add(RowFactory.create(Indicator.CITY_ONLY, false, false));
    return new Frame("levels", new StructType().add(BREAKDOWN, DataTypes.StringType)
        .add("by_ward", DataTypes.BooleanType).add("by_group", DataTypes.BooleanType), rows);
  }

  /** The catalog's indicators: code, family of facts and breakdown. */
  static Frame indicators(CubeReference ref) {
    List<Row> rows = new ArrayList<>();
    for (Indicator i : ref.catalog().indicators()) {
      rows.add(RowFactory.create(i.code(), i.facts(), i.breakdown()));
    }
    return new Frame("indicators", new StructType().add(INDICATOR, DataTypes.StringType)
        .add("facts", DataTypes.StringType).add(BREAKDOWN, DataTypes.StringType), rows);
  }

  /** The ward members of the cube: the 114, ALL and UNKNOWN. */
  private static List<String> cubeWards(CubeReference ref) {
    List<String> wards = new ArrayList<>(ref.wards().wards().stream().map(Ward::code).toList());
    wards.add(ALL);
    wards.add(DimensionMember.UNKNOWN);
    return wards;
  }

  private static String unitCode(ReportingUnit u) {
    return u.code().strip().toUpperCase(Locale.ROOT);
  }
}
