package vn.haiphong.bdhvs.quality;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.posexplode;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.io.Serializable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import scala.collection.JavaConverters;
import scala.collection.Seq;

/**
 * Outliers among reported values, per unit × period type × metric over its current reports'
 * periods: z-score, modified z-score ({@link OutlierStatistics}, applied to each series where it
 * lies), bounds of {@code metric_profiles.csv}, and a cumulative metric that falls from the unit's
 * previous period. Flagged only: the reported values stay as they are everywhere else.
 */
final class ReportOutliers {
  static final String Z_SCORE = "z_score";
  static final String MODIFIED_Z_SCORE = "modified_z_score";
  static final String MIN_MAX = "min_max";
  static final String CUMULATIVE_FALL = "cumulative_fall";

  private static final UserDefinedFunction Z = scores(OutlierStatistics::zScores);
  private static final UserDefinedFunction MODIFIED_Z = scores(OutlierStatistics::modifiedZScores);

  private ReportOutliers() {}

  /** {@code metrics} is {@code staged/unit_report_metrics}; {@code profiles} as {@link MetricProfiles#frame}. */
  static Dataset<Row> find(Dataset<Row> metrics, Dataset<Row> profiles, String runId) {
    Dataset<Row> points = metrics.filter(col("is_current"))
        .groupBy("unit_code", "ward_code", "period_type", "period", "metric_code")
        .agg(sum("value").as("value"))
        // Periods of one type sort as text (2025-09 < 2025-10, 2025-Q3 < 2025-Q4): the array is the series in order.
        .groupBy("unit_code", "period_type", "metric_code")
        .agg(sort_array(collect_list(struct(col("period"), col("value"), col("ward_code")))).as("series"))
        .withColumn("values", expr("transform(series, p -> p.value)"))
        .withColumn("z", Z.apply(col("values")))
        .withColumn("modified_z", MODIFIED_Z.apply(col("values")))
        .select(col("unit_code"), col("period_type"), col("metric_code"), col("values"), col("z"), col("modified_z"),
            size(col("series")).as("history_periods"), posexplode(col("series")).as(new String[] {"i", "point"}))
        .select(col("unit_code"), col("point.ward_code").as("ward_code"), col("period_type"), col("point.period").as("period"),
            col("metric_code"), col("point.value").as("value"), col("history_periods"),
            element_at(col("z"), col("i").plus(1)).as("z"),
            element_at(col("modified_z"), col("i").plus(1)).as("modified_z"),
            when(col("i").gt(0), element_at(col("values"), col("i"))).as("previous"))
        .join(profiles, "metric_code", "left");
    Column none = lit(null).cast(DataTypes.DoubleType);
    // One pass: each point's four judgments exploded, the flagged ones kept.
    Column[] judgments = {
        judgment(Z_SCORE, abs(col("z")).gt(OutlierStatistics.Z_LIMIT), col("z"), none, none),
        judgment(MODIFIED_Z_SCORE, abs(col("modified_z")).gt(OutlierStatistics.MODIFIED_Z_LIMIT), col("modified_z"),
            none, none),
        judgment(MIN_MAX, col("value").lt(col("min_value")).or(col("value").gt(col("max_value"))), none,
            col("min_value"), col("max_value")),
        judgment(CUMULATIVE_FALL, col("cumulative").and(col("value").lt(col("previous"))),
            col("value").minus(col("previous")), col("previous"), none)};
    return points.select(col("unit_code"), col("ward_code"), col("period_type"), col("period"), col("metric_code"),
            col("value"), col("history_periods"), explode(array(judgments)).as("j"))
        // A null comparison (no profile, no bound, no previous period, no judgment) flags nothing.
        .filter(col("j.flagged"))
        .select(col("unit_code"), col("ward_code"), col("period_type"), col("period"), col("metric_code"),
            col("value"), col("j.method"), col("j.score"), col("j.lower_bound"), col("j.upper_bound"),
            col("history_periods"), lit(runId).as("run_id"));
  }

  private static Column judgment(String method, Column flagged, Column score, Column lower, Column upper) {
    return struct(lit(method).as("method"), flagged.as("flagged"), score.cast("double").as("score"),
        lower.cast("double").as("lower_bound"), upper.cast("double").as("upper_bound"));
  }

  /** A statistic of {@link OutlierStatistics}; serializable, since Spark ships it to the executors. */
  private interface Statistic extends Serializable {
    Double[] of(double[] values);
  }

  private static UserDefinedFunction scores(Statistic statistic) {
    UDF1<Seq<Double>, Double[]> f = values -> {
      List<Double> list = JavaConverters.seqAsJavaList(values);
      return statistic.of(list.stream().mapToDouble(Double::doubleValue).toArray());
    };
    return udf(f, DataTypes.createArrayType(DataTypes.DoubleType, true));
  }
}
