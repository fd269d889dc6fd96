package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.contract.Expectation;
import vn.haiphong.bdhvs.contract.TableContract;

/** What the contracts' data tests declare, the report can say: statuses, warnings, kinds and the output tables in Vietnamese. */
class DataTestLabelsTest {
  @Test
  void acceptedStatuses_areTheLabelledOnes() {
    Set<String> accepted = Set.copyOf(TableContract.load("output", "indicator_cube").column("status").orElseThrow().accepted());
    assertEquals(Arrays.stream(StatusLabel.values()).map(s -> s.code).collect(Collectors.toSet()), accepted);
  }

  @Test
  void everyWarning_hasItsOwnLabel_everyKindAndOutputTableOne() {
    for (TableContract t : TableContract.all()) {
      for (Expectation e : t.dataTests()) {
        if (e.severity() == Expectation.Severity.WARN) {
          assertTrue(VietLabels.DATA_TESTS.containsKey(t.table() + "." + e.name()), t.table() + "." + e.name());
        }
      }
      if (t.kind().equals("output")) {
        assertTrue(VietLabels.DATA_TABLES.containsKey(t.table()), t.table());
      }
    }
    Arrays.stream(Expectation.Kind.values()).forEach(k -> assertTrue(VietLabels.DATA_TEST_KINDS.containsKey(k.code()), k.code()));
    Arrays.stream(Expectation.Severity.values())
        .forEach(s -> assertTrue(VietLabels.DATA_TEST_SEVERITIES.containsKey(s.code()), s.code()));
  }
}
