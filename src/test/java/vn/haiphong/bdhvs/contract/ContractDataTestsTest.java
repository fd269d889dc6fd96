package vn.haiphong.bdhvs.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data tests as the contracts declare them: read, named, checked against the table when a contract loads. */
class ContractDataTestsTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** A contract of two columns with {@code expectations} and extra column properties as given. */
  private static TableContract contract(String statusExtra, String expectations) throws Exception {
    return JSON.readValue("""
        {"table": "t", "kind": "output", "description": "d", "keys": ["code"],
         "expectations": [%s],
         "columns": [
           {"name": "code", "type": "string", "nullable": false, "description": "c"%s},
           {"name": "share", "type": "double", "description": "s", "range": {"min": 0, "max": 100}}
         ]}""".formatted(expectations, statusExtra), TableContract.class);
  }

  private static String invalid(String statusExtra, String expectations) {
    return assertThrows(IllegalStateException.class,
        () -> contract(statusExtra, expectations).validateDataTests("schemas/output/t.json")).getMessage();
  }

  @Test
  void columnDomains_areErrors_tableExpectationsSayTheirSeverity() throws Exception {
    TableContract t = contract(", \"accepted\": [\"a\", \"b\"]",
        "{\"name\": \"small_share\", \"severity\": \"warn\", \"where\": \"code == 'a'\", \"check\": \"share < 50\"}");
    t.validateDataTests("t");
    assertEquals(List.of("code_not_null", "code_accepted", "share_range", "small_share"),
        t.dataTests().stream().map(Expectation::name).toList());
    assertEquals(List.of("error", "error", "error", "warn"),
        t.dataTests().stream().map(e -> e.severity().code()).toList());
    assertEquals(List.of("code is not null", "code in {a, b}", "0 ≤ share ≤ 100", "where code == 'a': share < 50"),
        t.dataTests().stream().map(Expectation::text).toList());
  }

  @Test
  void aTestOfAColumnTheTableLacks_stopsTheContractFromLoading() {
    String message = invalid("", "{\"name\": \"x\", \"severity\": \"error\", \"check\": \"value > 0\"}");
    assertTrue(message.contains("schemas/output/t.json: table t, expectation x: 'value > 0': 'value' is not a column"), message);
  }

  @Test
  void aTestThatDoesNotFitItsColumn_stopsTheContractFromLoading() {
    assertTrue(invalid("", "{\"name\": \"x\", \"severity\": \"error\", \"column\": \"share\", \"accepted\": [\"1\"]}")
        .contains("accepted values need a string column"));
    assertTrue(invalid(", \"pattern\": \"[0-9\"", "").contains("expectation code_pattern"));
    assertTrue(invalid(", \"references\": \"reference/nowhere.code\"", "").contains("no data contract schemas/reference/nowhere.json"));
    assertTrue(invalid(", \"references\": \"indicators\"", "").contains("expected <kind>/<table>.<column>"));
  }

  @Test
  void twoTestsOfOneName_orATestWithoutItsSeverity_areRefused() {
    assertTrue(invalid("", "{\"name\": \"code_not_null\", \"severity\": \"warn\", \"check\": \"share > 0\"}")
        .contains("names two expectations code_not_null"));
    Exception e = assertThrows(Exception.class, () -> contract("", "{\"name\": \"y\", \"check\": \"share > 0\"}"));
    assertTrue(e.getMessage().contains("expectation y has no severity"), e.getMessage());
    e = assertThrows(Exception.class, () -> contract("", "{\"name\": \"z\", \"severity\": \"warn\"}"));
    assertTrue(e.getMessage().contains("must say one of accepted, range, references, pattern or check"), e.getMessage());
  }

  @Test
  void everyContract_loadsWithItsDataTests_andEveryOutputHasSome() {
    for (TableContract t : TableContract.all()) {
      if (t.kind().equals("output")) {
        assertFalse(t.dataTests().stream().allMatch(e -> e.kind() == Expectation.Kind.NOT_NULL),
            t.id() + " declares no test beyond not null");
      }
    }
  }
}
