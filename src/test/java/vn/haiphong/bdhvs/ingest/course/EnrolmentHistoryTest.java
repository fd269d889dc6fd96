package vn.haiphong.bdhvs.ingest.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.with;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;

class EnrolmentHistoryTest extends SharedSpark {
  private static final String CLASS_A = "HP-KNS-01";
  private static final String CLASS_B = "HP-CDS-02";

  /** Learner × class in a snapshot, with a status and progress; the person attributes stay fixed. */
  private static Object[] state(String learner, String classCode, String snapshot, String status, double progress) {
    return new Object[] {"learner_key", learner, "person_key", "pk-" + learner, "person_key_basis", "platform",
        "ward_code", "11560", "target_group", "resident", "class_code", classCode,
        "enrolled_on", date("2025-10-01"), "status", status, "progress_pct", progress,
        "source_file", "course/city-lms/" + snapshot + "/enrolments.csv", "snapshot_date", date(snapshot),
        "source_line", 2L};
  }

  private static StagedRows snapshots() {
    return StagedRows.of(new EnrolmentParser(null, null).schema());
  }

  /** Learner L1 in class A on consecutive daily snapshots from 2025-11-01, one status a day. */
  private static StagedRows l1InClassA(String... statusPerDay) {
    StagedRows rows = snapshots();
    for (int day = 0; day < statusPerDay.length; day++) {
      String status = statusPerDay[day];
      rows.row(state("L1", CLASS_A, "2025-11-0" + (day + 1), status, status.equals("completed") ? 100 : 50));
    }
    return rows;
  }

  private List<Row> history(StagedRows rows) {
    return EnrolmentHistory.fromSnapshots(rows.frame(spark()))
        .orderBy("learner_key", "class_code", "valid_from").collectAsList();
  }

  @Test
  void unchangedStateAcrossSnapshots_isOneOpenRow() {
    List<Row> h = history(l1InClassA("in_progress", "in_progress", "in_progress"));
    assertEquals(1, h.size());
    Row only = h.get(0);
    assertEquals(date("2025-11-01"), only.getAs("valid_from"));
    assertEquals(date("2025-11-03"), only.getAs("last_seen"));
    assertNull(only.getAs("valid_to"));
    assertEquals(3L, only.<Long>getAs("snapshots"));
    assertEquals(true, only.getAs("is_current"));
  }

  @Test
  void changedState_closesTheRowAtTheSnapshotShowingTheChange() {
    List<Row> h = history(l1InClassA("in_progress", "in_progress", "completed"));
    assertEquals(2, h.size());
    assertEquals("in_progress", h.get(0).getAs("status"));
    assertEquals(date("2025-11-03"), h.get(0).getAs("valid_to"));
    assertEquals(false, h.get(0).getAs("is_current"));
    assertEquals("completed", h.get(1).getAs("status"));
    assertEquals(date("2025-11-03"), h.get(1).getAs("valid_from"));
    assertNull(h.get(1).getAs("valid_to"));
  }

  @Test
  void enrolmentMissingFromASnapshotThenBack_isTwoRowsTheFirstClosedWhereItWasMissing() {
    List<Row> h = history(snapshots()
        .row(state("L1", CLASS_A, "2025-11-01", "in_progress", 50))
        .row(state("L2", CLASS_A, "2025-11-01", "in_progress", 10))
        .row(state("L2", CLASS_A, "2025-11-02", "in_progress", 10))
        .row(state("L1", CLASS_A, "2025-11-03", "in_progress", 50))
        .row(state("L2", CLASS_A, "2025-11-03", "in_progress", 10)));
    List<Row> l1 = h.stream().filter(r -> r.getAs("learner_key").equals("L1")).toList();
    assertEquals(2, l1.size());
    assertEquals(date("2025-11-02"), l1.get(0).getAs("valid_to"));
    assertEquals(date("2025-11-03"), l1.get(1).getAs("valid_from"));
    assertNull(l1.get(1).getAs("valid_to"));
  }

  @Test
  void sameLearnerAndClassTwiceInOneSnapshot_theLastLineStands() {
    Object[] first = state("L1", CLASS_A, "2025-11-01", "in_progress", 50);
    Object[] last = state("L1", CLASS_A, "2025-11-01", "completed", 100);
    List<Row> h = history(snapshots().row(with(first, "source_line", 5L)).row(with(last, "source_line", 9L)));
    assertEquals(1, h.size());
    assertEquals("completed", h.get(0).getAs("status"));
  }

  @Test
  void twoClassesOfOneLearner_haveIndependentHistories() {
    List<Row> h = history(snapshots()
        .row(state("L1", CLASS_A, "2025-11-01", "in_progress", 50))
        .row(state("L1", CLASS_B, "2025-11-01", "in_progress", 20))
        .row(state("L1", CLASS_A, "2025-11-02", "completed", 100))
        .row(state("L1", CLASS_B, "2025-11-02", "in_progress", 20)));
    List<Row> classB = h.stream().filter(r -> r.getAs("class_code").equals(CLASS_B)).toList();
    assertEquals(3, h.size());
    assertEquals(1, classB.size());
    assertNull(classB.get(0).getAs("valid_to"));
  }

  @Test
  void sameInput_givesTheSameRowsWhateverItsOrderAndPartitioning() {
    StagedRows rows = snapshots()
        .row(state("L1", CLASS_A, "2025-11-01", "in_progress", 50))
        .row(state("L1", CLASS_A, "2025-11-02", "completed", 100))
        .row(state("L2", CLASS_B, "2025-11-02", "not_started", 0))
        .row(state("L1", CLASS_A, "2025-11-03", "completed", 100));
    Dataset<Row> input = rows.frame(spark());
    List<String> once = sorted(EnrolmentHistory.fromSnapshots(input));
    List<String> shuffled = sorted(EnrolmentHistory.fromSnapshots(input.orderBy(input.col("snapshot_date").desc()).repartition(3)));
    assertEquals(once, shuffled);
    assertEquals(once, sorted(EnrolmentHistory.fromSnapshots(input)));
  }

  @Test
  void historyExtendedByLaterSnapshots_isTheHistoryOfAllSnapshots() {
    // Up to 11-03: L1 in A continuing, L1 in B about to change, L2 left on 11-02 and comes back, L3 open since 11-03.
    StagedRows earlier = snapshots(
        "L1 A 2025-11-01 in_progress", "L1 B 2025-11-01 in_progress", "L2 A 2025-11-01 in_progress",
        "L1 A 2025-11-03 in_progress", "L1 B 2025-11-03 in_progress", "L3 A 2025-11-03 not_started");
    StagedRows later = snapshots(
        "L1 A 2025-11-05 in_progress", "L1 B 2025-11-05 completed", "L2 A 2025-11-05 in_progress",
        "L1 A 2025-11-06 completed", "L1 B 2025-11-06 completed", "L2 A 2025-11-06 in_progress");
    Dataset<Row> all = earlier.frame(spark()).unionByName(later.frame(spark()));
    Dataset<Row> extended = EnrolmentHistory.extended(EnrolmentHistory.fromSnapshots(earlier.frame(spark())),
        date("2025-11-03"), later.frame(spark()));
    assertEquals(sorted(EnrolmentHistory.fromSnapshots(all)), sorted(extended));
  }

  /** Snapshot rows "learner class(A|B) day status", progress from the status. */
  private static StagedRows snapshots(String... rows) {
    StagedRows snapshots = snapshots();
    for (String r : rows) {
      String[] f = r.split(" ");
      snapshots.row(state(f[0], f[1].equals("A") ? CLASS_A : CLASS_B, f[2], f[3], f[3].equals("completed") ? 100 : 50));
    }
    return snapshots;
  }

  private static List<String> sorted(Dataset<Row> history) {
    return history.collectAsList().stream().map(Row::toString).sorted().toList();
  }
}
