package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.codes.DimensionMember;

class PlanTargetsTest {

  private static final PlanTargets TARGETS = PlanTargets.load(WardDirectory.load());
  private static final String DO_SON = "11455";
  private static final String OTHER_WARD = "10507";

  private static final Plan CITY = new Plan("CITY", "Kế hoạch thành phố", null, null, null, "city", null, YearMonth.of(2025, 4));
  private static final Plan SECTOR = new Plan("SECTOR", "Kế hoạch ngành", null, null, null, "sector", null, YearMonth.of(2025, 4));
  private static final Plan WARD = new Plan("WARD", "Kế hoạch phường", null, null, null, "ward", DO_SON, YearMonth.of(2025, 7));
  private static final Plan TEMPLATE = new Plan("TPL", "Kế hoạch mẫu", null, null, null, "template", null, YearMonth.of(2025, 7));

  private static PlanTarget row(int year, String scope, double value, Plan plan) {
    return new PlanTarget("RES_VNEID_CERT_RATE", year, scope, value, "ge", plan, 0.0);
  }

  private static double inForce(PlanTargets targets, int year, String scope) {
    return targets.target("RES_VNEID_CERT_RATE", year, scope).orElseThrow().targetValue();
  }

  @Test
  void target_cityTargetAppliesToEveryWardWithoutItsOwn() {
    assertEquals(80.0, TARGETS.target("PS_SKILLED_RATE", 2025, OTHER_WARD).orElseThrow().targetValue());
    assertEquals("KH-478-TU", TARGETS.target("PS_SKILLED_RATE", 2025, OTHER_WARD).orElseThrow().plan().id());
  }

  @Test
  void target_aWardPlanSetsItsOwnWardsTargets() {
    assertEquals("KH-DO-SON", TARGETS.target("RES_VNEID_CERT_RATE", 2025, DO_SON).orElseThrow().plan().id());
    assertEquals("KH-XA-PHUONG", TARGETS.target("RES_VNEID_CERT_RATE", 2025, OTHER_WARD).orElseThrow().plan().id());
  }

  @Test
  void target_aWardPlansTargetOverridesTheCitysEvenWhenLower() {
    PlanTargets t = PlanTargets.of(List.of(row(2025, "ALL", 80, CITY), row(2025, DO_SON, 60, WARD)));
    assertEquals(60.0, inForce(t, 2025, DO_SON));
    assertEquals(80.0, inForce(t, 2025, OTHER_WARD));
    assertEquals(80.0, inForce(t, 2025, DimensionMember.ALL));
  }

  @Test
  void target_theVietTriTemplateSetsNoTargetOfHaiPhong() {
    assertTrue(TARGETS.target("RES_VNEID_CERT_RATE", 2026, DimensionMember.ALL).isEmpty(),
        "the template's 70 % must not become the city's 2026 target");
    assertEquals(80.0, TARGETS.target("RES_VNEID_CERT_RATE", 2025, DimensionMember.ALL).orElseThrow().targetValue());
    assertTrue(TARGETS.targets().stream().filter(x -> x.plan().scope().equals("template"))
        .allMatch(x -> x.scope().equals(PlanTargets.TEMPLATE)));
  }

  @Test
  void target_aTemplateAppliesToAWardOnlyByAnExplicitRow() {
    PlanTargets t = PlanTargets.of(List.of(row(2026, PlanTargets.TEMPLATE, 70, TEMPLATE), row(2026, DO_SON, 70, TEMPLATE)));
    assertEquals(70.0, inForce(t, 2026, DO_SON));
    assertTrue(t.target("RES_VNEID_CERT_RATE", 2026, OTHER_WARD).isEmpty());
    assertTrue(t.target("RES_VNEID_CERT_RATE", 2026, DimensionMember.ALL).isEmpty());
  }

  @Test
  void misfit_eachPlanSetsTargetsOnlyForItsOwnScope() {
    assertNull(PlanTargets.misfit(CITY, "ALL"));
    assertNotNull(PlanTargets.misfit(CITY, DO_SON));
    assertNull(PlanTargets.misfit(WARD, DO_SON));
    assertNotNull(PlanTargets.misfit(WARD, OTHER_WARD));
    assertNotNull(PlanTargets.misfit(WARD, "ALL"));
    assertNotNull(PlanTargets.misfit(TEMPLATE, "ALL"), "a template never sets the city's targets");
    assertNull(PlanTargets.misfit(TEMPLATE, PlanTargets.TEMPLATE));
    assertNull(PlanTargets.misfit(TEMPLATE, OTHER_WARD));
  }

  @Test
  void target_whereTwoPlansDisagreeTheStricterIsInForceAndTheOtherKept() {
    PlanTarget city = row(2025, "ALL", 80, CITY);
    PlanTarget sector = row(2025, "ALL", 90, SECTOR);
    PlanTargets t = PlanTargets.of(List.of(city, sector, row(2030, "ALL", 100, CITY), row(2030, "ALL", 100, SECTOR)));
    assertEquals(90.0, inForce(t, 2025, DimensionMember.ALL));
    assertEquals(90.0, inForce(t, 2025, DO_SON));
    assertEquals(List.of(new PlanTargets.Disagreement(sector, List.of(city))), t.disagreements(),
        "equal targets of two plans are no disagreement");
  }

  @Test
  void target_theSeedPlansDoNotDisagreeWithinAScope() {
    assertEquals(List.of(), TARGETS.disagreements());
  }

  @Test
  void milestone_aYearWithoutATargetIsJudgedAgainstTheNextFromThePreviousOne() {
    PlanTargets t = PlanTargets.of(List.of(row(2025, "ALL", 80, CITY), row(2030, "ALL", 100, CITY)));
    PlanTargets.Milestone m = t.milestone("RES_VNEID_CERT_RATE", 2026, OTHER_WARD).orElseThrow();
    assertEquals(2030, m.target().year());
    assertEquals(YearMonth.of(2026, 1), m.from(), "the line starts where the 2025 target was due");
    assertEquals(80.0, m.fromValue());
  }

  @Test
  void milestone_theFirstTargetStartsAtItsPlansStartAndBaseline() {
    PlanTargets.Milestone m = TARGETS.milestone("REPORT_COMPLETENESS", 2025, DimensionMember.ALL).orElseThrow();
    assertEquals(2025, m.target().year());
    assertEquals(YearMonth.of(2025, 7), m.from());
    assertEquals(100.0, m.fromValue(), "the reporting rules state a baseline of 100");
    PlanTargets.Milestone ps = TARGETS.milestone("PS_SKILLED_RATE", 2025, DimensionMember.ALL).orElseThrow();
    assertEquals(YearMonth.of(2025, 4), ps.from());
    assertEquals(0.0, ps.fromValue(), "no baseline stated: 0");
  }

  @Test
  void milestone_noneAfterTheLastTarget() {
    assertTrue(TARGETS.milestone("CONTEST_WARD_COVERAGE", 2026, DimensionMember.ALL).isEmpty());
    assertTrue(TARGETS.target("PAR_SKILLED_RATE", 2026, DimensionMember.ALL).isEmpty());
    assertEquals(2030, TARGETS.milestone("PAR_SKILLED_RATE", 2026, DimensionMember.ALL).orElseThrow().target().year());
  }

  @Test
  void target_mentorRatioIsNotAPercent() {
    assertEquals(5.0, TARGETS.target("MENTEES_PER_MENTOR", 2026, DimensionMember.ALL).orElseThrow().targetValue());
  }

  @Test
  void load_percentTargetsWithinZeroToHundred() {
    TARGETS.targets().forEach(t -> assertTrue(t.targetValue() >= 0 && t.targetValue() <= 100, t.toString()));
  }

  @Test
  void load_everyTargetBelongsToAPlanWithAStartMonth() {
    PlanTarget t = TARGETS.target("PS_SKILLED_RATE", 2025, DimensionMember.ALL).orElseThrow();
    assertEquals("478-KH/TU", t.plan().number());
    assertEquals(YearMonth.of(2025, 4), t.plan().start());
  }
}
