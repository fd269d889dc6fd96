package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.haiphong.bdhvs.StagedRows.with;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;

class TelecomCubeTest extends SharedSpark {

  @Test
  void operatorsOfAWard_sumStationsAndTakeTheBestCoverage_cityHasNoCoverage() {
    Object[] ward = {"month", "2025-11", "ward_code", "10525"};
    Dataset<Row> cube = TelecomCube.build(StagedRows.staged("telecom_operator")
        .row(with(ward, "operator", "viettel", "bts_4g", 10L, "bts_5g", 2L, "coverage_4g_pct", 99.5))
        .row(with(ward, "operator", "vnpt", "bts_4g", 5L, "bts_5g", 1L, "coverage_4g_pct", 97.0))
        .frame(spark()), "run-test").cache();
    Row all = only(cube, "ALL", "10525");
    assertEquals(15L, all.<Long>getAs("bts_4g"));
    assertEquals(99.5, all.<Double>getAs("coverage_4g_pct"));
    assertEquals(3L, only(cube, "ALL", "ALL").<Long>getAs("bts_5g"));
    assertNull(only(cube, "vnpt", "ALL").getAs("coverage_4g_pct"));
  }

  private static Row only(Dataset<Row> cube, String operator, String ward) {
    List<Row> rows = cube.filter(col("operator").equalTo(operator).and(col("ward_code").equalTo(ward))).collectAsList();
    assertEquals(1, rows.size(), operator + " " + ward);
    return rows.get(0);
  }
}
