package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.landing.Landing;

class VietLabelsTest {
  /** A reason added to the ingest without a label here fails this test, not an official's page. */
  @Test
  void rejectReasons_everyCodeOfTheIngestHasALabel() {
    List<String> missing = Stream.of(RejectReason.values()).map(RejectReason::code)
        .filter(c -> !VietLabels.REJECT_REASONS.containsKey(c)).toList();
    assertEquals(List.of(), missing);
  }

  @Test
  void reportStates_everyStateHasALabel() {
    for (UnitReporting.State state : UnitReporting.State.values()) {
      assertTrue(VietLabels.REPORT_STATES.containsKey(state.code()), state.code());
    }
  }

  @Test
  void sources_everyLandingSourceHasALabel() {
    assertTrue(VietLabels.SOURCES.keySet().containsAll(Landing.SOURCES), VietLabels.SOURCES.keySet().toString());
  }

  /** The methods of quality/report_outliers and the importances of reference/validation_rules.csv, as their contracts list them. */
  @Test
  void outlierMethodsAndRuleImportances_eachHaveALabel() {
    for (String method : List.of("z_score", "modified_z_score", "min_max", "cumulative_fall")) {
      assertTrue(VietLabels.OUTLIER_METHODS.containsKey(method), method);
    }
    for (String importance : List.of("high", "medium", "low")) {
      assertTrue(VietLabels.RULE_IMPORTANCE.containsKey(importance), importance);
    }
    assertEquals("Giá trị bất thường", VietLabels.outlierMethod("iqr"));
  }

  @Test
  void unknownCodes_readAsVietnameseNotAsTheCode() {
    assertEquals("Lý do khác (chưa đặt tên)", VietLabels.rejectReason("brand_new_reason"));
    assertEquals("Nguồn khác", VietLabels.source("cubes"));
    assertEquals("không rõ", VietLabels.runStatus("paused"));
  }

  @Test
  void time_isHaiPhongClockThenDate() {
    assertEquals("05:10 ngày 02/12/2026", VietLabels.time("2026-12-01T22:10:00Z"));
    assertEquals("07:09 ngày 10/12/2025", VietLabels.time("2025-12-10T00:09:00.123456Z"));
    assertEquals("—", VietLabels.time("yesterday"));
    assertEquals("—", VietLabels.time(null));
  }
}
