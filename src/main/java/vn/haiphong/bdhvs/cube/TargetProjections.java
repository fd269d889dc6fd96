package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static vn.haiphong.bdhvs.codes.DimensionMember.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.VALUE;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * {@code cubes/target_projection}: {@link TargetProjection} for every month × scope (the city and
 * each ward, target group ALL) × indicator with a target. A scope's series is a figure a month, so
 * the rows the projection reads (some 116 scopes × the targeted indicators × the months) are few
 * enough to fit the line on the driver, with the one pure function the tests pin down.
 */
public final class TargetProjections {
  static final TableContract CONTRACT = TableContract.load("output", "target_projection");
  /** The indicator cube's columns the projection reads. */
  static final Column[] READS = java.util.stream.Stream.of(MONTH, GROUP, WARD, INDICATOR, VALUE, "target_value", "target_year")
      .map(c -> col(c)).toArray(Column[]::new);

  /** One cube figure the projection reads (target group ALL). */
  public record Figure(YearMonth month, String wardCode, String indicatorCode, Double value, Double targetValue,
      Integer targetYear) {}

  private static final int ROWS_PER_SLICE = 2000;

  private TargetProjections() {}

  /**
   * The projections made at each of {@code months} from the indicator cube's rows {@code cube},
   * which must hold the {@link TargetProjection#WINDOW} − 1 months before the first of them when
   * there are any (an incremental build adds them from the published cube).
   */
  public static Dataset<Row> build(SparkSession spark, Dataset<Row> cube, Collection<YearMonth> months, String runId) {
    List<Figure> figures = cube
        .filter(col(GROUP).equalTo(ALL).and(col(WARD).notEqual(DimensionMember.UNKNOWN)))
        .select(MONTH, WARD, INDICATOR, VALUE, "target_value", "target_year").collectAsList().stream()
        .map(r -> new Figure(YearMonth.parse(r.getString(0)), r.getString(1), r.getString(2),
            r.isNullAt(3) ? null : r.getDouble(3), r.isNullAt(4) ? null : r.getDouble(4),
            r.isNullAt(5) ? null : r.getInt(5)))
        .toList();
    List<Row> rows = new ArrayList<>();
    for (List<Object> values : project(figures, months, runId)) {
      rows.add(RowFactory.create(values.toArray()));
    }
    // Spread over a few partitions: one local relation of some thousand rows would ship in one oversized task.
    int slices = Math.max(1, rows.size() / ROWS_PER_SLICE);
    return spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(rows, slices),
        CONTRACT.sparkSchema());
  }

  /** The rows of the table, in contract order, for the figures of the cube. */
  public static List<List<Object>> project(List<Figure> figures, Collection<YearMonth> months, String runId) {
    Map<List<String>, NavigableMap<YearMonth, Figure>> series = new HashMap<>();
    for (Figure f : figures) {
      series.computeIfAbsent(List.of(f.wardCode(), f.indicatorCode()), k -> new TreeMap<>()).put(f.month(), f);
    }
    List<List<Object>> rows = new ArrayList<>();
    for (NavigableMap<YearMonth, Figure> s : series.values()) {
      for (YearMonth month : months) {
        Figure at = s.get(month);
        if (at == null || at.targetValue() == null || at.targetYear() == null) {
          continue;
        }
        NavigableMap<YearMonth, Double> values = new TreeMap<>();
        s.headMap(month, true).forEach((m, f) -> values.put(m, f.value()));
        rows.add(row(at, values, runId));
      }
    }
    return rows;
  }

  private static List<Object> row(Figure at, NavigableMap<YearMonth, Double> values, String runId) {
    TargetProjection.Outcome outcome = TargetProjection.project(values, at.targetValue(), at.targetYear());
    TargetProjection.Window window = TargetProjection.window(values);
    List<Object> row = new ArrayList<>();
    row.add(at.month().toString());
    row.add(at.wardCode());
    row.add(at.indicatorCode());
    row.add(at.value());
    row.add(at.targetValue());
    row.add(at.targetYear());
    row.add(outcome.code());
    row.add(outcome.vi());
    row.add(outcome instanceof TargetProjection.ReachedIn r ? r.month().toString() : null);
    row.add(outcome instanceof TargetProjection.NotBefore n ? n.year() : null);
    row.add(TargetProjection.METHOD_CODE);
    row.add(window.from().toString());
    row.add(window.to().toString());
    row.add(window.months());
    row.add(window.slopePerMonth());
    row.add(runId);
    if (row.size() != CONTRACT.columnNames().size()) {
      throw new IllegalStateException("target_projection: " + row.size() + " values for the contract's "
          + CONTRACT.columnNames());
    }
    return row;
  }
}
