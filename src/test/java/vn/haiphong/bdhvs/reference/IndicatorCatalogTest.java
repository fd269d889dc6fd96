package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IndicatorCatalogTest {
  private final IndicatorCatalog catalog = IndicatorCatalog.load();

  @Test
  void load_holdsEveryIndicatorCodeOfTheSpec() {
    Set<String> codes = catalog.indicators().stream().map(Indicator::code).collect(Collectors.toSet());
    for (String code : List.of("PS_SKILLED_RATE", "STU_EQUIPPED_RATE", "RES_BASIC_SKILL_RATE",
        "RES_VNEID_CERT_RATE", "EW_SKILLED_RATE", "PAR_SKILLED_RATE", "EDU_COMMUNITY_RATE",
        "WARD_COMMUNITY_CLASS_RATE", "DIGITAL_FAMILY_RATE", "MENTEES_PER_MENTOR",
        "CONTEST_REGISTRANTS", "CONTEST_WARD_COVERAGE", "CONTEST_VISITS", "CONTEST_VISITS_CUM",
        "LMS_LEARNERS", "LMS_COMPLETED", "MOOC_LEARNERS", "VNEID_CERTIFIED", "BTS_4G", "BTS_5G",
        "WARD_COVERAGE_RATE", "FIXED_DL_MBPS", "FIXED_UL_MBPS", "MOBILE_DL_MBPS", "MOBILE_UL_MBPS",
        "REPORT_COMPLETENESS", "REPORT_TIMELINESS")) {
      assertTrue(codes.contains(code), code);
    }
  }

  @Test
  void everyPlanTargetNamesACatalogIndicator() {
    PlanTargets targets = PlanTargets.load(WardDirectory.load());
    for (PlanTarget t : targets.targets()) {
      assertTrue(catalog.byCode(t.indicatorCode()).isPresent(), t.indicatorCode());
    }
  }

  @Test
  void everyTargetCodeHasPlanTargets() {
    PlanTargets targets = PlanTargets.load(WardDirectory.load());
    Set<String> withTargets = targets.targets().stream().map(PlanTarget::indicatorCode).collect(Collectors.toSet());
    for (Indicator i : catalog.indicators()) {
      if (i.targetCode() != null) {
        assertTrue(withTargets.contains(i.targetCode()), i.code() + " → " + i.targetCode());
      }
    }
  }

  @Test
  void everyRateHasAMeasuredOrReportedBasisAndAUnit() {
    for (Indicator i : catalog.indicators()) {
      assertEquals(i.unit().equals("percent") || i.unit().equals("ratio"), i.denominator() != null, i.code());
    }
  }
}
