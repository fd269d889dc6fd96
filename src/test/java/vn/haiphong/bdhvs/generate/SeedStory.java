package vn.haiphong.bdhvs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The seed report's story (the Department of Science and Technology's 2025 report, to 30/11/2025)
 * checked from a generated landing's files alone, at any scale: the city reproduces its figures,
 * the other scales the same shape at their size. Unit reports and telecom are the city's at every
 * scale, so their figures are the report's everywhere.
 */
final class SeedStory {

  static final LocalDate CONTEST_OPENS = LocalDate.of(2025, 10, 7);
  static final LocalDate CONTEST_CLOSES = LocalDate.of(2025, 11, 30);
  static final LocalDate NOVEMBER_SNAPSHOT = LocalDate.of(2025, 11, 30);
  static final List<String> CLASSES = List.of("HP-KNS-01", "HP-CDS-02", "HP-DVC-03", "HP-KNS-04");
  static final List<YearMonth> MONTHS = List.of(YearMonth.of(2025, 9), YearMonth.of(2025, 10), YearMonth.of(2025, 11));

  private SeedStory() {
  }

  static void assertAll(SeedFigures figures, Scale scale) {
    assertContest(figures, scale);
    assertClasses(figures, scale);
    assertMooc(figures, scale);
    assertNetworks(figures);
    assertUnitReports(figures);
  }

  /** Registrations and visits only from the opening to the closing day; the totals are the contest's. */
  static void assertContest(SeedFigures figures, Scale scale) {
    List<LocalDateTime> span = figures.registrationSpan();
    assertEquals(CONTEST_OPENS, span.get(0).toLocalDate(), "first registration on the opening day");
    assertTrue(!span.get(1).isAfter(CONTEST_CLOSES.atTime(23, 59, 59)), "last registration " + span.get(1));
    assertEquals(scale.contestRegistrants, figures.contestRegistrants(CONTEST_CLOSES.atTime(23, 59, 59)));
    assertEquals(scale.contestRegistrants, figures.contestRegistrants(LocalDateTime.of(2025, 12, 31, 23, 59)));
    TreeMap<LocalDate, Long> visits = figures.dailyVisits();
    assertEquals(CONTEST_OPENS, visits.firstKey());
    assertEquals(CONTEST_CLOSES, visits.lastKey(), "no visit counter after the contest closed");
    assertEquals(CONTEST_OPENS.datesUntil(CONTEST_CLOSES.plusDays(1)).count(), visits.size(), "a counter every day it ran");
    assertEquals(scale.contestVisits, visits.values().stream().mapToLong(Long::longValue).sum());
  }

  /** Lớp 1–4: their learners in the 30/11 snapshot, their titles and who attends them. */
  static void assertClasses(SeedFigures figures, Scale scale) {
    Map<String, Integer> learners = figures.lmsClassLearners(NOVEMBER_SNAPSHOT);
    for (int c = 0; c < CLASSES.size(); c++) {
      assertEquals(scale.bigClassLearners.get(c), learners.get(CLASSES.get(c)), CLASSES.get(c));
    }
    Map<String, String> titles = figures.catalogTitles();
    assertTitle(titles.get("HP-KNS-01"), "chữ ký số", "dịch vụ công", "cán bộ");
    assertTitle(titles.get("HP-CDS-02"), "chuyển đổi số", "người dân", "doanh nghiệp");
    assertTitle(titles.get("HP-DVC-03"), "tài khoản", "văn phòng");
    assertTitle(titles.get("HP-KNS-04"), "kỹ năng số", "cán bộ", "tổ công nghệ số cộng đồng");
    // Learners of any group would give about 1/6 each; the small sample's classes of 14–160 learners vary more.
    double slack = scale == Scale.SMALL ? 0.2 : 0;
    assertShare(figures, "HP-KNS-01", Set.of("public_sector"), 0.75 - slack);
    assertShare(figures, "HP-CDS-02", Set.of("resident", "enterprise_worker"), 0.8 - slack);
    assertShare(figures, "HP-DVC-03", Set.of("public_sector"), 0.75 - slack);
    assertShare(figures, "HP-KNS-04", Set.of("community_tech_team", "public_sector"), 0.8 - slack);
  }

  private static void assertTitle(String title, String... words) {
    assertNotNull(title);
    for (String word : words) {
      assertTrue(title.toLowerCase(Locale.ROOT).contains(word), title + " lacks " + word);
    }
  }

  private static void assertShare(SeedFigures figures, String classCode, Set<String> groups, double atLeast) {
    double share = figures.lmsShareOfGroups(NOVEMBER_SNAPSHOT, classCode, groups);
    assertTrue(share >= atLeast, classCode + ": " + share + " of its learners in " + groups);
  }

  /** The national MOOC's learners, completers and VNeID-certified persons up to 30/11. */
  static void assertMooc(SeedFigures figures, Scale scale) {
    long[] funnel = figures.moocFunnel(NOVEMBER_SNAPSHOT, Set.of("MOOC-CDS-01"));
    assertEquals(scale.moocLearners, funnel[0], "registered");
    assertEquals(scale.moocCompleted, funnel[1], "completed");
    assertEquals(scale.vneidCertified, funnel[2], "certified on VNeID");
  }

  /** Stations (680, 611 of them 5G), more than 100 km of new fibre, 4G coverage that never shrinks. */
  static void assertNetworks(SeedFigures figures) {
    SyntheticLandingTest.assertTelecomFigures(figures);
    List<Map<String, SeedFigures.OperatorCell>> months = new ArrayList<>();
    List<BigDecimal> fibre = new ArrayList<>();
    List<Long> covered = new ArrayList<>();
    for (YearMonth m : MONTHS) {
      List<SeedFigures.OperatorCell> cells = figures.operatorCells(m);
      assertEquals(3 * 114, cells.size(), m.toString());
      months.add(cells.stream().collect(Collectors.toMap(c -> c.operator() + "|" + c.ward(), c -> c)));
      fibre.add(cells.stream().map(SeedFigures.OperatorCell::fibreKm).reduce(BigDecimal.ZERO, BigDecimal::add));
      covered.add(cells.stream().filter(c -> c.coverage4g().compareTo(BigDecimal.valueOf(99)) >= 0)
          .map(SeedFigures.OperatorCell::ward).distinct().count());
    }
    assertTrue(fibre.get(2).subtract(fibre.get(0)).compareTo(BigDecimal.valueOf(100)) > 0,
        "new fibre since 9/2025: " + fibre.get(2).subtract(fibre.get(0)) + " km");
    for (int m = 1; m < MONTHS.size(); m++) {
      assertTrue(fibre.get(m).compareTo(fibre.get(m - 1)) >= 0, "fibre " + MONTHS.get(m));
      assertTrue(covered.get(m) >= covered.get(m - 1), "wards covered " + covered);
      for (var cell : months.get(m).entrySet()) {
        SeedFigures.OperatorCell before = months.get(m - 1).get(cell.getKey());
        assertTrue(cell.getValue().coverage4g().compareTo(before.coverage4g()) >= 0, "4G coverage fell: " + cell.getKey());
        assertTrue(cell.getValue().fibreKm().compareTo(before.fibreKm()) >= 0, "fibre fell: " + cell.getKey());
      }
    }
    // Most wards covered at 99 % and more; the islands not yet.
    assertTrue(covered.get(0) >= 95 && covered.get(2) < 114 && covered.get(2) > covered.get(0), "wards covered " + covered);
  }

  /**
   * November: the 114 wards and 14 city departments all report, 21,235 officials trained in all.
   * Every month: figures within their totals, reported rates of the size units report, yes/no
   * answers 0 or 1 and at least as many mentees as mentors, except the few typing errors the
   * generator plants (4 yes/no answers, 3 swapped mentor counts, 3 dropped digits, 1 count of institutions).
   */
  static void assertUnitReports(SeedFigures figures) {
    Map<String, JsonNode> current = figures.currentUnitReports();
    List<JsonNode> november = current.entrySet().stream()
        .filter(e -> e.getKey().endsWith("|month|2025-11") && SeedFigures.metric(e.getValue(), "officials_skilled") != null
            && !e.getKey().startsWith("PHUONG-MOI"))
        .map(Map.Entry::getValue).toList();
    long wards = november.stream().filter(d -> d.get("unit_code").asText().startsWith("UB-")).count();
    assertEquals(114, wards, "wards reporting officials for November");
    assertEquals(14, november.size() - wards, "city departments reporting officials for November");
    assertEquals(21_235, november.stream().mapToLong(d -> SeedFigures.metric(d, "officials_skilled")).sum());
    long yesNoSlips = 0;
    long mentorSlips = 0;
    long institutionSlips = 0;
    long digitSlips = 0;
    for (var e : current.entrySet()) {
      JsonNode doc = e.getValue();
      within(doc, "officials_skilled", "officials_total", 40, 100);
      Long basic = SeedFigures.metric(doc, "adults_basic_skill");
      if (basic != null && 100.0 * basic / SeedFigures.metric(doc, "adults_total") < 15) {
        digitSlips++; // a digit dropped: the figure falls from the month before
      } else {
        within(doc, "adults_basic_skill", "adults_total", 25, 95);
      }
      within(doc, "adults_vneid_certified", "adults_total", 0, 10);
      within(doc, "households_digital", "households_total", 20, 80);
      within(doc, "students_equipped", "students_total", 40, 100);
      within(doc, "parents_skilled", "parents_total", 20, 90);
      within(doc, "workers_skilled", "workers_total", 20, 80);
      Long held = SeedFigures.metric(doc, "community_class_held");
      yesNoSlips += held != null && held != 0 && held != 1 ? 1 : 0;
      Long mentors = SeedFigures.metric(doc, "mentors");
      Long mentees = SeedFigures.metric(doc, "mentees");
      mentorSlips += mentors != null && mentors > mentees ? 1 : 0;
      Long institutions = SeedFigures.metric(doc, "edu_institutions_total");
      institutionSlips += institutions != null && institutions > 2_000 ? 1 : 0;
    }
    assertEquals(4, yesNoSlips, "community_class_held other than 0/1");
    assertEquals(3, mentorSlips, "more mentors than mentees");
    assertEquals(1, institutionSlips, "more than 2,000 institutions");
    assertEquals(3, digitSlips, "adults with basic skills, a digit dropped");
  }

  /** numerator / denominator in [low, high] %, where the document carries both. */
  private static void within(JsonNode doc, String numerator, String denominator, int low, int high) {
    Long n = SeedFigures.metric(doc, numerator);
    Long d = SeedFigures.metric(doc, denominator);
    if (n == null || d == null) {
      return;
    }
    double rate = 100.0 * n / d;
    assertTrue(rate >= low && rate <= high, doc.get("unit_code").asText() + " " + doc.get("period").asText() + " "
        + numerator + "/" + denominator + " = " + rate + " %");
  }
}
