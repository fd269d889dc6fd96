package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.PlanTargets;
import vn.haiphong.bdhvs.reference.ReportingUnits;

/**
 * Everything one month's report shows, read from the warehouse once: the page, the workbook and the
 * document are each a view of it, so a figure cannot differ between them.
 */
record MonthlyFigures(YearMonth month, CitySeries city, WardFigures wards, List<KpiTable.Row> kpi,
    List<UnitReporting.Due> reporting, List<ReportSource.SkillGap> skillGaps, List<ReportSource.RejectCount> rejects,
    List<ReportSource.UnitNote> notes, Optional<LatestRun> run, List<CubeRow> checkData, Narrative narrative) {

  /** The narrative in the seed report's form: the document header's lines and the sections of drafted sentences. */
  record Narrative(List<String> header, List<ReportNarrative.Section> sections) {
    static final Narrative NONE = new Narrative(List.of(), List.of());
  }

  static MonthlyFigures read(ReportSource source, YearMonth month, IndicatorCatalog catalog, PlanTargets targets,
      ReportingUnits units, ReportNarrative narrative) {
    CitySeries city = new CitySeries(source.cityRows());
    Map<String, ReportSource.Projected> cityProjections = source.projections(month).stream()
        .filter(p -> p.wardCode().equals(DimensionMember.ALL))
        .collect(Collectors.toMap(ReportSource.Projected::indicatorCode, Function.identity()));
    Set<String> periods = UnitReporting.periodsDue(units, month);
    return new MonthlyFigures(month, city, new WardFigures(source.wardRows(month)),
        KpiTable.rows(catalog, targets, city, month, cityProjections, DimensionMember.ALL),
        UnitReporting.of(units, month, source.submissions(periods), source.violations(periods), source.hasViolations()),
        source.skillGaps(month), source.rejectsByReason(), source.unitNotes(month), LatestRun.read(source.root()),
        source.checkData(month), narrate(narrative, month, city, source.classLearners(month)));
  }

  private static Narrative narrate(ReportNarrative narrative, YearMonth month, CitySeries city, Map<String, Long> classes) {
    return new Narrative(narrative.header(month, city, classes), narrative.sections(month, city, classes));
  }

  /** The report's title, the same on the page, the sheet and the document. */
  String title() {
    return "Báo cáo kết quả thực hiện phong trào Bình dân học vụ số — tháng "
        + String.format("%02d/%d", month.getMonthValue(), month.getYear());
  }
}
