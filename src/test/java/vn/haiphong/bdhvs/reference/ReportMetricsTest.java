package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportMetricsTest {

  private static final ReportMetrics METRICS = ReportMetrics.load();
  private static final List<String> RATES = List.of("PS_SKILLED_RATE", "STU_EQUIPPED_RATE", "RES_BASIC_SKILL_RATE",
      "RES_VNEID_CERT_RATE", "EW_SKILLED_RATE", "PAR_SKILLED_RATE", "EDU_COMMUNITY_RATE", "DIGITAL_FAMILY_RATE",
      "MENTEES_PER_MENTOR");

  @Test
  void load_everyRateHasANumeratorAndADenominator() {
    for (String rate : RATES) {
      List<String> roles = METRICS.forIndicator(rate).stream().map(ReportMetric::role).toList();
      assertTrue(roles.contains("numerator") && roles.contains("denominator"), rate);
    }
  }

  @Test
  void load_wardCommunityClassIsAFlagWithoutDenominator() {
    List<ReportMetric> rows = METRICS.forIndicator("WARD_COMMUNITY_CLASS_RATE");
    assertEquals(List.of("community_class_held"), rows.stream().map(ReportMetric::code).toList());
  }

  @Test
  void byCode_metricFeedingTwoRates() {
    assertEquals(List.of("RES_BASIC_SKILL_RATE", "RES_VNEID_CERT_RATE"),
        METRICS.byCode("adults_total").stream().map(ReportMetric::indicator).toList());
  }

  @Test
  void totalsOfShares_boundEachShareNumeratorByItsDenominatorsButNotARatio() {
    var totals = METRICS.totalsOfShares(IndicatorCatalog.load());
    assertEquals(java.util.Set.of("officials_total"), totals.get("officials_skilled"));
    assertEquals(java.util.Set.of("adults_total"), totals.get("adults_vneid_certified"));
    assertFalse(totals.containsKey("mentees"));
    assertFalse(totals.containsKey("community_class_held"));
  }

  @Test
  void isKnown_unknownCode() {
    assertTrue(METRICS.isKnown(" Officials_Skilled "));
    assertFalse(METRICS.isKnown("officials_happy"));
  }
}
