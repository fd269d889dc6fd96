package vn.haiphong.bdhvs.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.reference.PopulationDenominator;
import vn.haiphong.bdhvs.reference.PopulationDenominators;

/**
 * What validation rules read: one row per unit × period of its current report, a column per
 * operand name — each metric's value (summed over target groups) and the ward's population
 * measures of the period's year. A name the report lacks is null there.
 */
final class ReportedValues {
  static final List<String> KEYS = List.of("unit_code", "ward_code", "period_type", "period");

  private ReportedValues() {}

  /** {@code metrics} is {@code staged/unit_report_metrics}; only the names in {@code operands} become columns. */
  static Dataset<Row> of(Dataset<Row> metrics, PopulationDenominators denominators, Set<String> operands) {
    List<Object> metricCodes = new ArrayList<>();
    List<String> measures = new ArrayList<>();
    for (String name : operands) {
      if (name.startsWith(ValidationRules.POPULATION)) {
        measures.add(name.substring(ValidationRules.POPULATION.length()));
      } else {
        metricCodes.add(name);
      }
    }
    Dataset<Row> reports = metrics.filter(col("is_current"))
        .groupBy(KEYS.stream().map(c -> col(c)).toArray(Column[]::new))
        .pivot("metric_code", metricCodes)
        .agg(sum("value"));
    if (measures.isEmpty()) {
      return reports;
    }
    Dataset<Row> population = population(metrics.sparkSession(), denominators, measures);
    return reports.withColumn("year", substring(col("period"), 1, 4).cast(DataTypes.IntegerType))
        .join(population, reports.col("ward_code").equalTo(population.col("denominator_ward"))
            .and(col("year").equalTo(population.col("denominator_year"))), "left")
        .drop("year", "denominator_ward", "denominator_year");
  }

  /** The column of an operand name (names hold dots: quoted). */
  static Column operand(String name) {
    return col("`" + name + "`");
  }

  /** ward × year, a column {@code population.<measure>} per measure. */
  private static Dataset<Row> population(SparkSession spark, PopulationDenominators denominators, List<String> measures) {
    StructType schema = new StructType()
        .add("denominator_ward", DataTypes.StringType, false)
        .add("denominator_year", DataTypes.IntegerType, false)
        .add("measure", DataTypes.StringType, false)
        .add("value", DataTypes.DoubleType, false);
    List<Row> rows = new ArrayList<>();
    for (PopulationDenominator d : denominators.rows()) {
      if (measures.contains(d.measure())) {
        rows.add(RowFactory.create(d.wardCode(), d.year(), d.measure(), (double) d.value()));
      }
    }
    Dataset<Row> wide = spark.createDataFrame(rows, schema)
        .groupBy("denominator_ward", "denominator_year")
        .pivot("measure", new ArrayList<>(measures))
        .agg(first("value"));
    for (String m : measures) {
      wide = wide.withColumnRenamed(m, ValidationRules.POPULATION + m);
    }
    return wide;
  }
}
