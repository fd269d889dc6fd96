package vn.haiphong.bdhvs.ingest.course;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.ingest.Redelivery;

/**
 * city-lms delivers a FULL snapshot every day; storing them all would repeat each enrolment
 * hundreds of times. The history keeps one row per stretch of snapshots in which an enrolment's
 * state did not change: {@code valid_from} is the first snapshot showing the state,
 * {@code valid_to} the first snapshot that no longer does (a change, or the enrolment gone), null
 * while it holds in the latest snapshot.
 */
public final class EnrolmentHistory {
  /** What a change in means a new history row. */
  static final String[] STATE = {"person_key", "person_key_basis", "ward_code", "target_group",
      "gender", "birth_year", "enrolled_on", "progress_pct", "status", "completed_on"};
  static final String[] ENROLMENT = {"learner_key", "class_code"};

  private EnrolmentHistory() {}

  public static Dataset<Row> fromSnapshots(Dataset<Row> snapshotRows) {
    Column[] enrolment = cols(ENROLMENT);
    // A learner × class listed twice in one snapshot: the last line stands.
    Dataset<Row> rows = Redelivery.lastRowPer(snapshotRows, append(enrolment, col("snapshot_date")));

    Dataset<Row> snapshots = nextSnapshots(rows);
    WindowSpec inTime = Window.partitionBy(enrolment).orderBy(col("snapshot_date"));
    Column sameState = lit(true);
    for (String c : STATE) {
      sameState = sameState.and(col(c).eqNullSafe(lag(col(c), 1).over(inTime)));
    }
    // Present in the previous snapshot too? Otherwise it left and came back: a new stretch.
    Column continuous = lag(col("next_snapshot"), 1).over(inTime).equalTo(col("snapshot_date"));
    Dataset<Row> marked = rows.join(snapshots, "snapshot_date")
        .withColumn("_starts", when(sameState.and(coalesce(continuous, lit(false))), 0).otherwise(1))
        .withColumn("_stretch", sum(col("_starts")).over(inTime.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));

    List<Column> aggregates = new ArrayList<>();
    for (String c : STATE) {
      aggregates.add(first(col(c)).as(c));
    }
    aggregates.add(min(col("snapshot_date")).as("valid_from"));
    aggregates.add(max(col("snapshot_date")).as("last_seen"));
    // The next snapshot after the stretch's last one; null (still holds) when that was the latest.
    // Not max(next_snapshot): max skips the null of an open stretch and would close it.
    aggregates.add(expr("max_by(next_snapshot, snapshot_date)").as("valid_to"));
    aggregates.add(count(lit(1)).as("snapshots"));
    // The stretch's first snapshot speaks for it: deterministic, unlike first().
    aggregates.add(expr("min_by(quality_flags, snapshot_date)").as("quality_flags"));
    aggregates.add(expr("min_by(source_file, snapshot_date)").as("source_file"));
    return marked.groupBy(append(enrolment, col("_stretch")))
        .agg(aggregates.get(0), aggregates.subList(1, aggregates.size()).toArray(Column[]::new))
        .withColumn("is_current", col("valid_to").isNull())
        .drop("_stretch");
  }

  /** Each snapshot day with the next snapshot day (null for the latest): a small driver-side table. */
  private static Dataset<Row> nextSnapshots(Dataset<Row> rows) {
    List<java.sql.Date> days = rows.select(col("snapshot_date")).distinct().orderBy(col("snapshot_date"))
        .as(org.apache.spark.sql.Encoders.DATE()).collectAsList();
    List<Row> pairs = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      pairs.add(RowFactory.create(days.get(i), i + 1 < days.size() ? days.get(i + 1) : null));
    }
    StructType schema = new StructType()
        .add("snapshot_date", DataTypes.DateType, false)
        .add("next_snapshot", DataTypes.DateType, true);
    return rows.sparkSession().createDataFrame(pairs, schema);
  }

  private static Column[] cols(String... names) {
    return java.util.Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new);
  }

  private static Column[] append(Column[] columns, Column extra) {
    Column[] all = java.util.Arrays.copyOf(columns, columns.length + 1);
    all[columns.length] = extra;
    return all;
  }
}
