package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.Plan;
import vn.haiphong.bdhvs.reference.PlanTarget;
import vn.haiphong.bdhvs.reference.PlanTargets;

/** The KPI table's footnote where two plans set different targets for one scope (docs/specification.md §5). */
class KpiTableNoteTest {

  @Test
  void stricterNote_namesTheTargetInForceAndThePlanKeptForReference() {
    Plan city = new Plan("A", "Kế hoạch số 478-KH/TU", null, null, null, "city", null, YearMonth.of(2025, 4));
    Plan sector = new Plan("B", "Kế hoạch của Sở Giáo dục và Đào tạo", null, null, null, "sector", null, YearMonth.of(2025, 4));
    PlanTarget kept = new PlanTarget("PS_SKILLED_RATE", 2025, "ALL", 80, "ge", city, 0);
    PlanTarget inForce = new PlanTarget("PS_SKILLED_RATE", 2025, "ALL", 90, "ge", sector, 0);
    String note = KpiTable.stricterNote(IndicatorCatalog.load().byCode("PS_SKILLED_RATE").orElseThrow(),
        new PlanTargets.Disagreement(inForce, List.of(kept)));
    assertEquals(IndicatorCatalog.load().byCode("PS_SKILLED_RATE").orElseThrow().nameVi() + ", năm 2025: áp dụng mục tiêu"
        + " cao hơn, 90% (Kế hoạch của Sở Giáo dục và Đào tạo); Kế hoạch số 478-KH/TU đặt 80% để tham chiếu.", note);
  }
}
