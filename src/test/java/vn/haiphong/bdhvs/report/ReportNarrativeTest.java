package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;

/** The narrative's templates (reference/report_narrative.csv) filled from figures, in the seed report's phrasing. */
class ReportNarrativeTest {
  private static final IndicatorCatalog CATALOG = IndicatorCatalog.load();
  private static final CourseCatalog COURSES = CourseCatalog.loadDefault();
  private static final ReportNarrative NARRATIVE = ReportNarrative.load(CATALOG, COURSES);
  private static final YearMonth NOV = YearMonth.of(2025, 11);
  private static final YearMonth SEP = YearMonth.of(2025, 9);

  private static CubeRow count(YearMonth month, String code, Double value) {
    return new CubeRow(month, "ALL", "ALL", code, value, null, value, "count", null, null, "no_target", false);
  }

  private static final CitySeries CITY = new CitySeries(List.of(
      count(YearMonth.of(2025, 10), "CONTEST_REGISTRANTS", 200_000.0), count(NOV, "CONTEST_REGISTRANTS", 311_243.0),
      count(SEP, "BTS_5G", 1_000.0), count(NOV, "BTS_5G", 1_611.0),
      new CubeRow(NOV, "ALL", "ALL", "PS_SKILLED_RATE", 21_235.0, 25_000.0, 84.94, "percent", 80.0, 2025, "achieved", false)));

  private static String fill(String template, String compareMonth) {
    ReportNarrative.Template t = new ReportNarrative.Template("1. Thử", template,
        compareMonth == null ? null : YearMonth.parse(compareMonth));
    assertNull(ReportNarrative.problem(t, CATALOG, COURSES), template);
    return NARRATIVE.fill(t, NOV, CITY, Map.of("HP-KNS-01", 45_344L));
  }

  @Test
  void fill_writesFiguresDatesAndChangesTheWayTheSeedReportDoes() {
    assertEquals("Tính đến ngày 30/11/2025, cuộc thi đã có 311.243 thí sinh đăng ký, tăng 111.243 thí sinh so với tháng 10/2025.",
        fill("Tính đến ngày {month_end}, cuộc thi đã có {CONTEST_REGISTRANTS} thí sinh đăng ký, {CONTEST_REGISTRANTS~previous}.", null));
    assertEquals("Số trạm 5G tăng 611 trạm so với tháng 9/2025 (1.000 trạm vào tháng 9/2025).",
        fill("Số trạm 5G {BTS_5G~baseline} ({BTS_5G@baseline} trạm vào tháng {baseline_month}).", "2025-09"));
    assertEquals("21.235 người có kỹ năng số trên 25.000 người, đạt 84,94%.",
        fill("{PS_SKILLED_RATE.numerator} người có kỹ năng số trên {PS_SKILLED_RATE.denominator} người, đạt {PS_SKILLED_RATE}.", null));
  }

  @Test
  void fill_classesByTheirTitleAndLearners() {
    String title = COURSES.byCode("HP-KNS-01").orElseThrow().title();
    assertEquals("Lớp 1: " + title + ". Hiện nay đã có 45.344 học viên tham gia.",
        fill("Lớp 1: {class_title:HP-KNS-01}. Hiện nay đã có {class_learners:HP-KNS-01} học viên tham gia.", null));
  }

  @Test
  void fill_aMissingFigureSaysSo_neverZero() {
    assertEquals("Có chưa có số liệu người; chưa có số liệu để so với tháng 10/2025; lớp: chưa có số liệu.",
        fill("Có {VNEID_CERTIFIED} người; {VNEID_CERTIFIED~previous}; lớp: {class_learners:HP-CDS-02}.", null));
  }

  @Test
  void problem_namesWhatATemplateGetsWrong() {
    assertNotNull(ReportNarrative.problem(new ReportNarrative.Template("s", "{NO_SUCH_CODE}", null), CATALOG, COURSES));
    assertNotNull(ReportNarrative.problem(new ReportNarrative.Template("s", "{BTS_5G~baseline}", null), CATALOG, COURSES),
        "a baseline needs its month");
    assertNotNull(ReportNarrative.problem(new ReportNarrative.Template("s", "{class_learners:HP-XX-99}", null), CATALOG, COURSES));
    assertNotNull(ReportNarrative.problem(new ReportNarrative.Template("s", "{311243}", null), CATALOG, COURSES),
        "a number is not a placeholder");
  }

  @Test
  void committedTemplates_openWithTheDocumentHeaderAndNameTheFourClasses() {
    List<String> header = NARRATIVE.header(NOV, CITY, Map.of());
    assertTrue(header.contains("BÁO CÁO"), header.toString());
    assertTrue(header.stream().anyMatch(l -> l.startsWith("Kính gửi")), header.toString());
    assertTrue(header.stream().anyMatch(l -> l.endsWith("tháng 11/2025")), header.toString());
    String sentences = NARRATIVE.sections(NOV, CITY, Map.of()).toString();
    for (String lop : List.of("Lớp 1: ", "Lớp 2: ", "Lớp 3: ", "Lớp 4: ")) {
      assertTrue(sentences.contains(lop), lop);
    }
    assertTrue(sentences.contains("311.243 thí sinh đăng ký"), sentences);
    assertTrue(sentences.contains("số trạm 5G tăng 611 trạm so với tháng 9/2025"), sentences);
  }
}
