package vn.haiphong.bdhvs.ingest.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.instant;
import static vn.haiphong.bdhvs.StagedRows.with;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;

class MoocStatementsTest extends SharedSpark {

  private static Object[] statement(String id, String verb, String folder) {
    return new Object[] {"statement_id", id, "actor_key", "a1", "person_key", "pk1", "person_key_basis", "platform",
        "verb", verb, "course_code", verb.equals("voided") ? null : "MOOC-CDS-01", "ward_code", "11560",
        "target_group", "resident", "timestamp", instant("2025-11-30T10:00:00+07:00"), "local_date", date("2025-11-30"),
        "local_month", "2025-11", "certifies", false, "source_file", "course/national-mooc/" + folder + "/statements.jsonl",
        "delivery_folder", folder, "source_line", 1L};
  }

  private static Object[] voiding(String id, String target, String folder) {
    return with(statement(id, "voided", folder), "voided_statement_id", target);
  }

  /** statement_id → the row kept for it. */
  private Map<String, Row> byId(StagedRows rows) {
    return MoocStatements.deduplicatedAndVoided(rows.frame(spark())).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("statement_id"), r -> r));
  }

  @Test
  void reexportedStatement_countsOnceWithItsExportCountAndTheFirstExportsFile() {
    Map<String, Row> kept = byId(StagedRows.of("mooc_statements")
        .row(statement("s1", "passed", "2025-12-02"))
        .row(statement("s1", "passed", "2025-11-30"))
        .row(statement("s1", "passed", "2025-12-01")));
    assertEquals(1, kept.size());
    assertEquals(3L, kept.get("s1").<Long>getAs("export_count"));
    assertEquals("course/national-mooc/2025-11-30/statements.jsonl", kept.get("s1").getAs("source_file"));
  }

  @Test
  void voidedStatement_isMarkedAndTheVoidingStatementIsNot() {
    Map<String, Row> kept = byId(StagedRows.of("mooc_statements")
        .row(statement("s1", "passed", "2025-11-30"))
        .row(voiding("v1", "s1", "2025-12-01")));
    assertEquals(2, kept.size(), "the voided statement stays, marked");
    assertEquals(true, kept.get("s1").getAs("is_voided"));
    assertEquals(false, kept.get("v1").getAs("is_voided"));
  }

  @Test
  void voidingAnUnknownStatement_changesNothing() {
    Map<String, Row> kept = byId(StagedRows.of("mooc_statements")
        .row(statement("s1", "passed", "2025-11-30"))
        .row(voiding("v1", "nowhere", "2025-12-01")));
    assertEquals(2, kept.size());
    assertEquals(false, kept.get("s1").getAs("is_voided"));
    assertEquals(1L, kept.get("s1").<Long>getAs("export_count"));
  }
}
