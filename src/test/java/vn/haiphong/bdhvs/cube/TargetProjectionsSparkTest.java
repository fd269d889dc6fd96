package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;

/** The projection's Spark wrapper: cube rows in, the contract's rows out, UNKNOWN and target groups left aside. */
class TargetProjectionsSparkTest extends SharedSpark {
  private static final StructType CUBE = new StructType().add("month", DataTypes.StringType).add("target_group", DataTypes.StringType)
      .add("ward_code", DataTypes.StringType).add("indicator_code", DataTypes.StringType).add("value", DataTypes.DoubleType)
      .add("target_value", DataTypes.DoubleType).add("target_year", DataTypes.IntegerType);

  @Test
  void build_projectsEveryScopeOfGroupAllInTheContractsShape() {
    List<Row> rows = new ArrayList<>();
    String[] months = {"2025-09", "2025-10", "2025-11"};
    for (int m = 0; m < months.length; m++) {
      for (String ward : List.of("ALL", "10507", "UNKNOWN")) {
        rows.add(RowFactory.create(months[m], "ALL", ward, "RES_BASIC_SKILL_RATE", 50.0 + 5 * m, 80.0, 2026));
        rows.add(RowFactory.create(months[m], "officials", ward, "RES_BASIC_SKILL_RATE", 10.0, 80.0, 2026));
      }
    }
    Dataset<Row> cube = spark().createDataFrame(rows, CUBE);
    Dataset<Row> projected = TargetProjections.build(spark(), cube, List.of(YearMonth.of(2025, 11)), "run-test");
    assertEquals(TargetProjections.CONTRACT.sparkSchema(), projected.schema());
    List<Row> out = projected.orderBy("ward_code").collectAsList();
    assertEquals(List.of("ALL", "10507"), out.stream().map(r -> r.getString(1)).sorted(java.util.Comparator.reverseOrder()).toList());
    out.forEach(r -> assertEquals("2026-03", r.getString(r.fieldIndex("projected_month")), r.toString()));
  }
}
