package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.haiphong.bdhvs.StagedRows.date;
import static vn.haiphong.bdhvs.StagedRows.with;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.SharedSpark;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningCubeTest extends SharedSpark {
  private Dataset<Row> cube;

  @BeforeAll
  void buildCube() {
    runBefore();
    CubeFixture f = new CubeFixture();
    Object[] classA = {"class_code", "HP-KNS-01", "ward_code", "10525", "target_group", "resident", "status", "in_progress"};
    f.lms.row(with(classA, "person_key", "gone", "valid_from", date("2025-10-01"), "valid_to", date("2025-11-15")))
        .row(with(classA, "person_key", "stays", "valid_from", date("2025-11-10")))
        .row(with(classA, "person_key", "later", "valid_from", date("2025-12-02")));
    Object[] classB = {"class_code", "HP-CDS-02", "person_key", "mover", "target_group", "student",
        "valid_from", date("2025-11-01"), "status", "completed"};
    f.lms.row(with(classB, "ward_code", "10525")).row(with(classB, "ward_code", "10537"));
    Object[] statement = {"person_key", "m1", "course_code", "VNEID-01", "ward_code", "10543", "target_group", "parent",
        "is_voided", false, "local_date", date("2025-11-03")};
    f.mooc.row(with(statement, "statement_id", "a", "verb", "registered", "certifies", false))
        .row(with(statement, "statement_id", "b", "verb", "passed", "certifies", true))
        .row(with(statement, "statement_id", "c", "verb", "passed", "certifies", true, "is_voided", true, "person_key", "m2"));
    cube = LearningCube.build(spark(), f.inputs(spark()), CubeFixture.reference("2025-10", "2025-11")).cache();
  }

  private Row cell(String month, String course, String ward, String group) {
    List<Row> rows = cube.filter(col("month").equalTo(month).and(col("course_code").equalTo(course))
        .and(col("ward_code").equalTo(ward)).and(col("target_group").equalTo(group))).collectAsList();
    assertEquals(1, rows.size(), month + " " + course + " " + ward + " " + group);
    return rows.get(0);
  }

  @Test
  void classLearners_areThoseEnrolledAtTheMonthsLastSnapshot() {
    assertEquals(1L, cell("2025-10", "HP-KNS-01", "ALL", "ALL").<Long>getAs("learners"));
    Row november = cell("2025-11", "HP-KNS-01", "ALL", "ALL");
    assertEquals(1L, november.<Long>getAs("learners"), "the one who left in November no longer counts");
    assertNull(november.getAs("registered"));
  }

  @Test
  void learnerInTwoWards_countsInEachAndOnceInAll() {
    assertEquals(1L, cell("2025-11", "HP-CDS-02", "10525", "student").<Long>getAs("completed"));
    assertEquals(1L, cell("2025-11", "HP-CDS-02", "10537", "ALL").<Long>getAs("learners"));
    assertEquals(1L, cell("2025-11", "HP-CDS-02", "ALL", "ALL").<Long>getAs("learners"));
  }

  @Test
  void moocCourse_countsRegisteredPassedAndCertified_notVoided() {
    Row r = cell("2025-11", "VNEID-01", "10543", "parent");
    assertEquals(1L, r.<Long>getAs("registered"));
    assertEquals(1L, r.<Long>getAs("passed"));
    assertEquals(1L, r.<Long>getAs("certified"));
    assertEquals(1L, cell("2025-11", "VNEID-01", "ALL", "ALL").<Long>getAs("learners"));
  }
}
