package vn.haiphong.bdhvs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.cube.CubeInputs;

/** The month a staged row counts in, declared once in its contract for the ingests and the cube alike. */
class RowMonthTest extends SharedSpark {

  /** Every staged table the cubes read has a month, but the two whose rows count in their parent's. */
  @Test
  void everyTableTheCubesRead_declaresItsMonth() {
    Set<String> without = new TreeSet<>();
    for (String table : CubeInputs.TABLES) {
      TableContract contract = TableContract.load("staged", table);
      if (contract.monthColumn() == null) {
        without.add(table);
      } else {
        String type = contract.column(contract.monthColumn()).orElseThrow().type();
        Assertions.assertTrue(Set.of("string", "date", "timestamp").contains(type), table + ": " + type);
      }
    }
    assertEquals(Set.of("person_links", "unit_report_metrics"), without);
  }

  @Test
  void aDateGivesItsMonth_aMonthStringStaysAsItIs() {
    Column ofDate = TableContract.load("staged", "contest_visits").rowMonth().orElseThrow();
    Column ofString = TableContract.load("staged", "telecom_operator").rowMonth().orElseThrow();
    assertEquals(List.of("2025-11"), spark().sql("SELECT DATE'2025-11-30' AS date").select(ofDate).as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals(List.of("2025-12"), spark().sql("SELECT '2025-12' AS month").select(ofString).as(
        org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertEquals(java.util.Optional.empty(), TableContract.load("staged", "person_links").rowMonth());
  }
}
