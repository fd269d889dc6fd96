package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CourseCatalogTest {

  private static final CourseCatalog CATALOG = CourseCatalog.loadDefault();

  @Test
  void loadDefault_hasEnoughCoursesOnEachPlatform() {
    assertTrue(CATALOG.onPlatform(Course.CITY_LMS).size() >= 6);
    assertTrue(CATALOG.onPlatform(Course.NATIONAL_MOOC).size() >= 5);
    assertEquals(CATALOG.courses().size(),
        CATALOG.onPlatform(Course.CITY_LMS).size() + CATALOG.onPlatform(Course.NATIONAL_MOOC).size());
  }

  @Test
  void loadDefault_firstFourRowsAreTheCityClasses() {
    assertTrue(CATALOG.courses().subList(0, 4).stream().allMatch(c -> c.platform().equals(Course.CITY_LMS)));
    assertEquals("Bồi dưỡng cán bộ công nghệ thông tin và cán bộ, công chức về chữ ký số và dịch vụ công trực tuyến", CATALOG.courses().get(0).title());
  }

  @Test
  void loadDefault_onlyTheAdultsUniversalCourseCertifies() {
    List<Course> certifying = CATALOG.courses().stream().filter(Course::certification).toList();
    assertEquals(1, certifying.size());
    assertEquals("Phổ cập tri thức về chuyển đổi số, kỹ năng số", certifying.get(0).title());
    assertEquals(Course.NATIONAL_MOOC, certifying.get(0).platform());
  }

  @Test
  void byCode_isCaseInsensitiveAndTrimmed() {
    assertEquals("HP-KNS-01", CATALOG.byCode(" hp-kns-01 ").orElseThrow().code());
  }

  @Test
  void byCode_unknownIsEmpty() {
    assertTrue(CATALOG.byCode("HP-XXX-99").isEmpty());
    assertTrue(CATALOG.byCode(null).isEmpty());
  }

  @Test
  void of_duplicateCodeIsRefused() {
    Course a = new Course("A-1", Course.CITY_LMS, "t", "x", null, false);
    Course b = new Course("a-1", Course.CITY_LMS, "t2", "x", null, false);
    assertThrows(IllegalArgumentException.class, () -> CourseCatalog.of(List.of(a, b)));
  }

  @Test
  void loadDefault_targetGroupsAreKnownCodes() {
    CATALOG.courses().stream().filter(c -> c.targetGroup() != null)
        .forEach(c -> assertEquals(c.targetGroup(), TargetGroup.byCode(c.targetGroup()).code()));
  }
}
