package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.contract.TableContract;

/** The statuses the cube's contract accepts are the statuses the report can label: one set, tested at both ends. */
class StatusContractTest {
  @Test
  void acceptedStatuses_areTheLabelledOnes() {
    Set<String> accepted = Set.copyOf(TableContract.load("output", "indicator_cube").column("status").orElseThrow().accepted());
    assertEquals(Arrays.stream(StatusLabel.values()).map(s -> s.code).collect(Collectors.toSet()), accepted);
  }
}
