package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A course catalog: the project's default one for sample data, or one built from a delivered export. */
public final class CourseCatalog implements Serializable {

  private final List<Course> courses;
  private final Map<String, Course> byCode;

  private CourseCatalog(List<Course> courses) {
    this.courses = List.copyOf(courses);
    Map<String, Course> index = new LinkedHashMap<>();
    for (Course course : courses) {
      if (index.put(key(course.code()), course) != null) {
        throw new IllegalArgumentException("course catalog lists code " + course.code() + " twice");
      }
    }
    this.byCode = index;
  }

  public static CourseCatalog of(List<Course> courses) {
    return new CourseCatalog(courses);
  }

  /** {@code reference/course_catalog.csv}. */
  public static CourseCatalog loadDefault() {
    return of(ReferenceTable.load("course_catalog").rows().stream().map(CourseCatalog::course).toList());
  }

  /** Case-insensitive, ignoring surrounding spaces: exports write {@code hp-kns-01 } too. */
  public Optional<Course> byCode(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(key(code)));
  }

  public List<Course> courses() {
    return courses;
  }

  public List<Course> onPlatform(String platform) {
    return courses.stream().filter(c -> c.platform().equals(platform)).toList();
  }

  private static Course course(ReferenceTable.Row row) {
    String platform = row.text("platform");
    if (!platform.equals(Course.CITY_LMS) && !platform.equals(Course.NATIONAL_MOOC)) {
      throw row.error("platform", Course.CITY_LMS + " or " + Course.NATIONAL_MOOC);
    }
    String group = row.text("target_group") == null ? null : TargetGroup.inRow(row, "target_group").code();
    return new Course(row.text("code"), platform, row.text("title"), row.text("topic"), group, row.bool("certification"));
  }

  private static String key(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }
}
