package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.contract.TableContract;

class ReferenceTableTest {

  private static final TableContract PLAN = TableContract.load("reference", "plan_targets");
  private static final String HEADER = "indicator_code,year,scope,target_value,comparator,plan_id,baseline_value,note\n";

  @TempDir
  Path dir;

  private String failure(String content) throws IOException {
    Path file = dir.resolve("plan_targets.csv");
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return assertThrows(IllegalArgumentException.class, () -> ReferenceTable.read(file, PLAN)).getMessage();
  }

  @Test
  void read_validFileGivesTypedRows() throws IOException {
    Path file = dir.resolve("ok.csv");
    Files.writeString(file, "\uFEFF" + HEADER + "X,2025,ALL,80,ge,\"plan, with comma\",,\r\n");
    ReferenceTable table = ReferenceTable.read(file, PLAN);
    assertEquals(1, table.rows().size());
    assertEquals(2025, table.rows().get(0).integer("year"));
    assertEquals(80.0, table.rows().get(0).decimal("target_value"));
    assertEquals("plan, with comma", table.rows().get(0).text("plan_id"));
  }

  @Test
  void read_quotedFieldMayHoldNewlinesAndQuotes() throws IOException {
    Path file = dir.resolve("ok.csv");
    Files.writeString(file, HEADER + "X,2025,ALL,80,ge,\"two\nlines \"\"quoted\"\"\",,\nY,2025,ALL,1,ge,p,,\n");
    ReferenceTable table = ReferenceTable.read(file, PLAN);
    assertEquals("two\nlines \"quoted\"", table.rows().get(0).text("plan_id"));
    assertEquals(4, table.rows().get(1).line());
  }

  @Test
  void read_wrongHeaderNamesFileLineAndExpectedColumns() throws IOException {
    String message = failure("indicator,year,scope,target_value,comparator,plan_id,baseline_value,note\n");
    assertTrue(message.contains("plan_targets.csv line 1"), message);
    assertTrue(message.contains("[indicator_code, year, scope, target_value, comparator, plan_id, baseline_value, note]"), message);
  }

  @Test
  void read_badTypeNamesLineColumnAndType() throws IOException {
    String message = failure(HEADER + "X,2025,ALL,80,ge,p,,\nX,twenty,ALL,80,ge,p,,\n");
    assertTrue(message.contains("line 3, column year: expected int, found 'twenty'"), message);
  }

  @Test
  void read_emptyRequiredValueIsRefused() throws IOException {
    String message = failure(HEADER + ",2025,ALL,80,ge,p,,\n");
    assertTrue(message.contains("line 2, column indicator_code: expected a string value, found an empty field"), message);
  }

  @Test
  void read_duplicateKeyNamesBothLines() throws IOException {
    String message = failure(HEADER + "X,2025,ALL,80,ge,p,,\nX,2025,ALL,90,ge,p,,\n");
    assertTrue(message.contains("line 3: duplicate key"), message);
    assertTrue(message.contains("first at line 2"), message);
  }

  @Test
  void read_wrongFieldCountIsRefused() throws IOException {
    String message = failure(HEADER + "X,2025,ALL,80,ge\n");
    assertTrue(message.contains("line 2: expected 8 fields"), message);
  }

  @Test
  void read_invalidUtf8IsRefused() throws IOException {
    Path file = dir.resolve("latin1.csv");
    Files.write(file, (HEADER + "X,2025,ALL,80,ge,Vi\u1EC7t,,\n").getBytes(StandardCharsets.ISO_8859_1));
    Files.write(file, new byte[] {'a', (byte) 0xC3, '(', '\n'}, java.nio.file.StandardOpenOption.APPEND);
    String message = assertThrows(IllegalArgumentException.class, () -> ReferenceTable.read(file, PLAN)).getMessage();
    assertTrue(message.contains("expected UTF-8"), message);
  }

  @Test
  void read_unclosedQuoteIsRefused() throws IOException {
    String message = failure(HEADER + "X,2025,ALL,80,ge,p,,\"open\n");
    assertTrue(message.contains("line 2: expected a closing quote"), message);
  }

  @Test
  void row_unknownCodeInAValidFileNamesFileLineAndColumn() throws IOException {
    Path file = dir.resolve("target_groups.csv");
    Files.writeString(file, "code,label_vi\nfarmer,Nông dân\n");
    ReferenceTable.Row row = ReferenceTable.read(file, TableContract.load("reference", "target_groups")).rows().get(0);
    String message = assertThrows(IllegalArgumentException.class, () -> TargetGroup.inRow(row, "code")).getMessage();
    assertTrue(message.contains("target_groups.csv line 2, column code: expected a target-group code"), message);
  }

  @Test
  void row_emptyNullableValueIsNull() {
    ReferenceTable wards = ReferenceTable.load("wards");
    assertTrue(wards.rows().stream().anyMatch(r -> r.bigint("population") == null));
    assertNull(wards.rows().get(0).raw("population_note"));
  }

  @Test
  void load_everyReferenceContractHasAFileThatMatchesIt() throws IOException {
    try (var contracts = Files.list(Path.of("schemas/reference"))) {
      List<String> names = contracts.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList();
      assertEquals(13, names.size(), names.toString());
      for (String name : names) {
        assertTrue(ReferenceTable.load(name).rows().size() > 0, name);
      }
    }
  }
}
