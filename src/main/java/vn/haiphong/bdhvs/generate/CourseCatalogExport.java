package vn.haiphong.bdhvs.generate;

import java.time.LocalDate;
import java.util.List;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;

/** course/catalog/&lt;day&gt;/courses.csv: the project's default catalog as the platforms export it, twice. */
final class CourseCatalogExport {

  static final List<LocalDate> DELIVERIES = List.of(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 11, 1));

  private final LandingFolder landing;
  private final CourseCatalog catalog;
  private final TargetGroupLabels labels;

  CourseCatalogExport(LandingFolder landing, CourseCatalog catalog, TargetGroupLabels labels) {
    this.landing = landing;
    this.catalog = catalog;
    this.labels = labels;
  }

  void generate() {
    for (int d = 0; d < DELIVERIES.size(); d++) {
      LandingFolder.CsvFile file = landing.csv("course_catalog", "course/catalog/" + DELIVERIES.get(d) + "/courses.csv");
      for (Course c : catalog.courses()) {
        String group = "";
        if (c.targetGroup() != null) {
          // The first delivery writes the official label, the later one the short spelling.
          List<String> variants = labels.variants(c.targetGroup());
          group = d == 0 || variants.isEmpty() ? TargetGroup.byCode(c.targetGroup()).labelVi() : variants.get(0);
        }
        file.row(new Contracts.Row("course_catalog")
            .set("course_code", c.code())
            .set("title", c.title())
            .set("platform", c.platform())
            .set("topic", c.topic())
            .set("target_group", group)
            .set("vneid_certification", c.certification() ? "Có" : "Không")
            .values());
      }
      file.close();
    }
    landing.ledger.fact("catalog_courses", catalog.courses().size());
  }
}
