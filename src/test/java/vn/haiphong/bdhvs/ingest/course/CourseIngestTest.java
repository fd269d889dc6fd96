package vn.haiphong.bdhvs.ingest.course;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.StagedRows;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;

class CourseIngestTest extends SharedSpark {
  private static final CourseCatalog DEFAULT = CourseCatalog.loadDefault();

  private static Object[] course(String code, String title, String folder, long line) {
    return new Object[] {"course_code", code, "title", title, "platform", Course.CITY_LMS, "certification", false,
        "source_file", "course/catalog/" + folder + "/courses.csv", "delivery_folder", folder, "source_line", line};
  }

  /** course_code → title of the catalog in force. */
  private Map<String, String> inForce(StagedRows delivered) {
    return CourseIngest.catalogInForce(delivered.frame(spark()), DEFAULT).collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("course_code"), r -> r.getAs("title")));
  }

  @Test
  void catalogInForce_latestDeliveryReplacesTheWholeCatalog() {
    Map<String, String> catalog = inForce(StagedRows.of("course_catalog")
        .row(course("A-01", "old A", "2025-11-01", 2))
        .row(course("B-02", "old B", "2025-11-01", 3))
        .row(course("A-01", "new A", "2025-12-01", 2)));
    assertEquals(Map.of("A-01", "new A"), catalog, "B-02 is not in the latest delivery, so not in force");
  }

  @Test
  void catalogInForce_aCodeRepeatedInTheLatestFileKeepsItsLastLine() {
    Map<String, String> catalog = inForce(StagedRows.of("course_catalog")
        .row(course("A-01", "second", "2025-12-01", 3))
        .row(course("A-01", "first", "2025-12-01", 2)));
    assertEquals(Map.of("A-01", "second"), catalog);
  }

  @Test
  void catalogInForce_withoutDeliveryIsTheDefaultCatalog() {
    List<Row> rows = CourseIngest.catalogInForce(StagedRows.of("course_catalog").frame(spark()), DEFAULT)
        .collectAsList();
    assertEquals(DEFAULT.courses().stream().map(Course::code).sorted().toList(),
        rows.stream().map(r -> r.<String>getAs("course_code")).sorted().toList());
    for (Row r : rows) {
      Course expected = DEFAULT.byCode(r.getAs("course_code")).orElseThrow();
      assertEquals(expected.certification(), r.getAs("certification"));
      assertEquals(expected.platform(), r.getAs("platform"));
      assertEquals(CourseIngest.DEFAULT_CATALOG, r.getAs("source_file"));
    }
  }
}
