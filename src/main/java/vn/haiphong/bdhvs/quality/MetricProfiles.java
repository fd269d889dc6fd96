package vn.haiphong.bdhvs.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.reference.ReferenceTable;
import vn.haiphong.bdhvs.reference.ReportMetrics;

/** {@code reference/metric_profiles.csv}: per metric, whether it is cumulative and its plausible bounds. */
record MetricProfiles(List<Profile> profiles) {

  record Profile(String metricCode, boolean cumulative, Double min, Double max) {}

  static MetricProfiles load() {
    ReportMetrics metrics = ReportMetrics.load();
    List<Profile> profiles = new ArrayList<>();
    try {
      for (ReferenceTable.Row row : ReferenceTable.load("metric_profiles").rows()) {
        if (!metrics.isKnown(row.text("metric_code"))) {
          throw row.error("metric_code", "a code of reference/report_metrics.csv");
        }
        profiles.add(new Profile(row.text("metric_code"), row.bool("cumulative"), row.decimal("min_value"),
            row.decimal("max_value")));
      }
    } catch (IllegalArgumentException e) {
      throw new UserError("metric profiles: " + e.getMessage(), e);
    }
    return new MetricProfiles(profiles);
  }

  /** metric_code, cumulative, min_value, max_value. */
  Dataset<Row> frame(SparkSession spark) {
    StructType schema = new StructType()
        .add("metric_code", DataTypes.StringType, false)
        .add("cumulative", DataTypes.BooleanType, false)
        .add("min_value", DataTypes.DoubleType, true)
        .add("max_value", DataTypes.DoubleType, true);
    return spark.createDataFrame(profiles.stream()
        .map(p -> RowFactory.create(p.metricCode(), p.cumulative(), p.min(), p.max())).toList(), schema);
  }
}
