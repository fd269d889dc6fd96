package vn.haiphong.bdhvs.ingest.course;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
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
import vn.haiphong.bdhvs.ingest.ReadResult;
import vn.haiphong.bdhvs.ingest.SourceRun;
import vn.haiphong.bdhvs.landing.Delivery;

/**
 * city-lms delivers a FULL snapshot every day; storing them all would repeat each enrolment
 * hundreds of times. The history keeps one row per stretch of snapshots in which an enrolment's
 * state did not change: {@code valid_from} is the first snapshot showing the state,
 * {@code valid_to} the first snapshot that no longer does (a change, or the enrolment gone), null
 * while it holds in the latest snapshot.
 */
public final class EnrolmentHistory {
  /** What a change in means a new history row. */
  static final String[] STATE = {"person_key", "person_key_basis", "cccd_hash", "cmnd_hash", "phone_hash", "ward_code", "target_group",
      "gender", "birth_year", "enrolled_on", "progress_pct", "status", "completed_on"};
  static final String[] ENROLMENT = {"learner_key", "class_code"};

  private EnrolmentHistory() {}

  public static Dataset<Row> fromSnapshots(Dataset<Row> snapshotRows) {
    Column[] enrolment = cols(ENROLMENT);
    // A learner × class listed twice in one snapshot: the last line stands (the last line of the
    // last file, as Redelivery.lastRowPer keeps). Found in the same order the stretches are marked
    // in below, so both windows share one shuffle and one sort of every snapshot row.
    WindowSpec inFileOrder = Window.partitionBy(enrolment)
        .orderBy(col("snapshot_date"), col("source_file"), col("source_line"));
    Column next = lead(col("snapshot_date"), 1).over(inFileOrder);
    Dataset<Row> rows = snapshotRows.withColumn("_next", next)
        .filter(col("_next").isNull().or(col("_next").notEqual(col("snapshot_date"))))
        .drop("_next");

    Dataset<Row> snapshots = nextSnapshots(snapshotRows);
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

  /**
   * The history {@link #fromSnapshots} gives over all snapshots, from the history of the earlier
   * ones ({@code lastSnapshot} its latest) and the rows of later snapshots only: the stretches open
   * at the last earlier snapshot are folded again with the later rows as if that snapshot were the
   * first, then given back their start and their count of earlier snapshots. Closed stretches
   * cannot change. Every snapshot of {@code laterRows} must be later than {@code lastSnapshot}.
   */
  public static Dataset<Row> extended(Dataset<Row> history, java.sql.Date lastSnapshot, Dataset<Row> laterRows) {
    Dataset<Row> open = history.filter(col("is_current"));
    List<Column> asSnapshot = new ArrayList<>();
    for (String c : laterRows.columns()) {
      asSnapshot.add(c.equals("snapshot_date") ? lit(lastSnapshot).as(c) : c.equals("source_line") ? lit(0L).as(c) : col(c));
    }
    Dataset<Row> folded = fromSnapshots(open.select(asSnapshot.toArray(Column[]::new)).unionByName(laterRows));
    // A stretch starting at the last earlier snapshot continues an open one: its start and earlier snapshots back.
    Dataset<Row> starts = open.select(col(ENROLMENT[0]).as("_learner"), col(ENROLMENT[1]).as("_class"),
        col("valid_from").as("_from"), col("snapshots").as("_earlier"));
    Column continues = col(ENROLMENT[0]).equalTo(col("_learner")).and(col(ENROLMENT[1]).equalTo(col("_class")))
        .and(col("valid_from").equalTo(lit(lastSnapshot)));
    Dataset<Row> extended = folded.join(starts, continues, "left")
        .withColumn("snapshots", when(col("_from").isNotNull(), col("snapshots").plus(col("_earlier")).minus(1))
            .otherwise(col("snapshots")))
        .withColumn("valid_from", coalesce(col("_from"), col("valid_from")))
        .drop("_learner", "_class", "_from", "_earlier");
    return history.filter(not(col("is_current"))).unionByName(extended);
  }

  /**
   * The months whose figures a change of snapshots can move ({@code month}): the first re-read
   * snapshot's, when stretches close or open; the earlier month of a completion date that a stretch
   * opening then shows (completions count from the earlier of the two); and, for a snapshot whose
   * earlier bytes are replaced, the same of each row it gave before.
   */
  public static Dataset<Row> monthsMoved(Dataset<Row> history, ReadResult snapshots) {
    String first = snapshots.files().stream().map(Delivery::folder).min(String::compareTo).orElseThrow();
    Column eventDate = least(col("valid_from"), coalesce(col("completed_on"), col("valid_from")));
    return history.filter(col("valid_from").geq(lit(java.sql.Date.valueOf(first))))
        .select(date_format(eventDate, "yyyy-MM").as(SourceRun.MONTH))
        .union(snapshots.acceptedReplaced().select(date_format(least(col("snapshot_date"),
            coalesce(col("completed_on"), col("snapshot_date"))), "yyyy-MM").as(SourceRun.MONTH)))
        .union(history.sparkSession().createDataFrame(List.of(RowFactory.create(first.substring(0, 7))),
            new StructType().add(SourceRun.MONTH, DataTypes.StringType)));
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
