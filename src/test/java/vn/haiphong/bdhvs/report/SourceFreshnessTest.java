package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The report's source freshness is what the warehouse holds, also after a night that read one file. */
class SourceFreshnessTest {

  @Test
  void incrementalRun_showsWhatTheWarehouseHolds() throws Exception {
    LatestRun run = LatestRun.parse(new ObjectMapper().readTree("""
        {"run_id": "run-20251211T010000Z", "finished_at": "2025-12-11T01:02:00Z", "status": "succeeded",
         "sources": {"contest": {"rows_read": 3, "rows_rejected": 0,
           "files": [{"path": "contest/2025-12-10/visits.csv"}],
           "held": {"files": 105, "rows_read": 455204, "rows_accepted": 444912, "rows_rejected": 10292,
                    "latest_delivery": "2025-12-10", "no_longer_in_landing": 0}},
                     "telecom": {"rows_read": 0, "rows_rejected": 0, "files": [],
           "held": {"files": 12, "rows_read": 1824, "rows_accepted": 1824, "rows_rejected": 0,
                    "latest_delivery": "2025-11", "no_longer_in_landing": 0}}}}
        """));
    assertEquals(new LatestRun.SourceFreshness("contest", "2025-12-10", 105, 455204, 10292), run.sources().get(0));
    assertEquals(new LatestRun.SourceFreshness("telecom", "2025-11", 12, 1824, 0), run.sources().get(1),
        "a source with no new file this night still shows its latest delivery");
  }

  @Test
  void manifestWithoutHeld_countsItsFiles() throws Exception {
    LatestRun run = LatestRun.parse(new ObjectMapper().readTree("""
        {"run_id": "r", "finished_at": "f", "status": "succeeded",
         "sources": {"contest": {"rows_read": 3, "rows_rejected": 1,
           "files": [{"path": "contest/2025-11-01/visits.csv"}, {"path": "contest/2025-11-03/visits.csv"}]}}}
        """));
    assertEquals(new LatestRun.SourceFreshness("contest", "2025-11-03", 2, 3, 1), run.sources().get(0));
  }
}
