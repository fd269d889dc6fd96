package vn.haiphong.bdhvs.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.reference.ReferenceTable;

class ValidationRulesTest {
  private static final String HEADER = "rule_id,left_side,operator,right_side,importance,description_vi\n";
  private static final Set<String> OPERANDS = Set.of("officials_total", "officials_skilled", "population.adults");

  @TempDir
  Path dir;

  private ValidationRules read(String rows) throws IOException {
    Path file = dir.resolve("validation_rules.csv");
    Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
    return ValidationRules.read(() -> ReferenceTable.read(file, TableContract.load("reference", "validation_rules")),
        OPERANDS);
  }

  private String failure(String rows) {
    return assertThrows(UserError.class, () -> read(rows)).getMessage();
  }

  @Test
  void load_committedRulesParseAgainstTheCommittedMetrics() {
    ValidationRules rules = ValidationRules.load();
    assertTrue(rules.rules().size() >= 10);
    assertTrue(rules.operands().contains("community_class_held") && rules.operands().contains("population.adults"));
  }

  @Test
  void read_setAndExpressionRules() throws IOException {
    List<ValidationRule> rules = read("""
        A,officials_skilled,<=,officials_total * 1.0,high,x
        B,officials_total,in,"{0,1}",low,y
        """).rules();
    assertEquals("officials_skilled <= (officials_total * 1)", rules.get(0).text());
    assertEquals(List.of(0.0, 1.0), rules.get(1).set());
    assertEquals("officials_total in {0, 1}", rules.get(1).text());
  }

  @Test
  void read_unknownMetricNamesTheLineAndTheName() {
    String message = failure("""
        A,officials_skilled,<=,officials_total,high,x
        B,officials_skiled,<=,officials_total,high,y
        """);
    assertTrue(message.contains("validation_rules.csv line 3, column left_side") && message.contains("'officials_skiled'"),
        message);
  }

  @Test
  void read_badExpressionNamesTheLineAndThePosition() {
    String message = failure("A,officials_skilled,<=,officials_total +,high,x\n");
    assertTrue(message.contains("line 2, column right_side") && message.contains("character 18"), message);
  }

  @Test
  void read_unknownOperatorNamesTheLine() {
    String message = failure("A,officials_skilled,=<,officials_total,high,x\n");
    assertTrue(message.contains("line 2, column operator") && message.contains("'=<'"), message);
  }

  @Test
  void read_setWithoutBracesFails() {
    String message = failure("A,officials_total,in,0,high,x\n");
    assertTrue(message.contains("line 2, column right_side") && message.contains("{0,1}"), message);
  }

  @Test
  void read_unknownImportanceFails() {
    assertTrue(failure("A,officials_skilled,<=,officials_total,urgent,x\n").contains("column importance"));
  }

  @Test
  void read_fileBreakingItsContractIsAUserError() {
    assertTrue(failure("A,officials_skilled,<=\n").contains("line 2"));
  }
}
