package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;

class RedeliveryTest extends SharedSpark {

  private static Object[] station(String operator, String month, String ward, long bts4g, String folder) {
    return new Object[] {"operator", operator, "month", month, "ward_code", ward, "bts_4g", bts4g,
        "delivery_folder", folder, "source_file", "telecom/" + folder + "/operator-" + operator + ".csv"};
  }

  private List<String> kept(StagedRows rows) {
    return Redelivery.latestFolderPer(rows.frame(spark()), "operator", "month")
        .orderBy("operator", "month", "ward_code").collectAsList().stream()
        .map(r -> r.getAs("operator") + " " + r.getAs("month") + " " + r.getAs("ward_code") + " " + r.getAs("bts_4g"))
        .toList();
  }

  @Test
  void latestFolderPer_replacesAnOperatorsMonthWhole() {
    // The re-delivery drops ward 11561: it is gone, not kept from the earlier file.
    List<String> rows = kept(StagedRows.of("telecom_operator")
        .row(station("viettel", "2025-11", "11560", 10, "2025-11"))
        .row(station("viettel", "2025-11", "11561", 4, "2025-11"))
        .row(station("viettel", "2025-11", "11560", 12, "2025-12")));
    assertEquals(List.of("viettel 2025-11 11560 12"), rows);
  }

  @Test
  void latestFolderPer_leavesOtherOperatorsAndMonthsUntouched() {
    List<String> rows = kept(StagedRows.of("telecom_operator")
        .row(station("viettel", "2025-11", "11560", 10, "2025-11"))
        .row(station("viettel", "2025-11", "11560", 12, "2025-12"))
        .row(station("vnpt", "2025-11", "11560", 3, "2025-11"))
        .row(station("viettel", "2025-10", "11560", 9, "2025-10")));
    assertEquals(List.of("viettel 2025-10 11560 9", "viettel 2025-11 11560 12", "vnpt 2025-11 11560 3"), rows);
  }
}
