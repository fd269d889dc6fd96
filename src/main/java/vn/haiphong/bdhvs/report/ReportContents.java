package vn.haiphong.bdhvs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * What one report holds besides its charts — the city's, a ward's or a unit's: its title and
 * narrative, then its tables in order (the KPI table against the scope's own targets, the city's
 * ward table, a ward's places among the wards, a unit's reported figures, the reports due from the
 * scope's units, the data findings). Built once per scope from the month's figures; the page, the
 * workbook ({@link OfficeWorkbook}) and the document ({@link OfficeDocument}) each show it, so a figure
 * cannot differ between them. A part the scope does not have is empty.
 */
record ReportContents(ReportScope scope, String title, List<String> header, List<ReportNarrative.Section> narrative,
    Optional<Kpi> kpi, Optional<WardRows> wards, Optional<Places> places, Optional<List<Reported>> reported,
    Reporting reporting, List<DataFindings.Finding> findings) {

  /** The KPI table under its heading ("… toàn thành phố", "… của phường Thành Đông"). */
  record Kpi(String heading, List<KpiTable.Row> rows) {}

  /** The city's ward table: every ward's figure of each of {@code columns}. */
  record WardRows(List<Ward> wards, List<Indicator> columns, WardFigures figures) {}

  /** A ward's figure of each ward-table indicator and its place among the wards that have one. */
  record Places(String heading, List<Place> rows) {}

  record Place(Indicator indicator, CubeRow figure, Optional<WardRanking.Place> place) {}

  /** A unit's current figure of a report due in the month, the metric by its description on the form. */
  record Reported(String metric, String period, Double value) {}

  /** The reports due from the scope's units, the sentences that sum them up, and the heading. */
  record Reporting(String heading, List<String> lines, List<UnitReporting.Due> due) {}

  static final String NOTE = "Tạo tự động từ kho dữ liệu bdhvs. Số liệu tạm tính có thể thay đổi khi các đơn vị nộp đủ báo cáo.";

  /** The city's: the narrative in the seed report's form, the KPI table, the ward table, every unit's reporting. */
  static ReportContents city(MonthlyFigures f, IndicatorCatalog catalog, WardDirectory wards) {
    List<String> lines = new ArrayList<>(DataQuality.reportingLines(f.month(), f.city()));
    UnitReporting.approvalLine(f.reporting()).ifPresent(lines::add);
    return new ReportContents(ReportScope.city(), f.title(), f.narrative().header(), f.narrative().sections(),
        Optional.of(new Kpi("Kết quả thực hiện các chỉ tiêu toàn thành phố", f.kpi())),
        Optional.of(new WardRows(wards.wards(), MonthlyReport.wardColumns(catalog), f.wards())), Optional.empty(),
        Optional.empty(), new Reporting("Tình hình báo cáo của các đơn vị", lines, f.reporting()),
        DataFindings.of(f, catalog, wards));
  }

  /** A ward's: its KPI table against its own targets, its places, its units' reporting, its findings. */
  static ReportContents ward(Ward ward, MonthlyFigures f, ScopeFigures s, ScopeReport.Reference ref) {
    ReportScope scope = ReportScope.ward(ward);
    List<KpiTable.Row> kpi = KpiTable.rows(ref.catalog(), ref.targets(), s.ward(ward.code()), f.month(),
        s.projections(ward.code()), ward.code());
    List<Place> places = MonthlyReport.wardColumns(ref.catalog()).stream()
        .map(i -> new Place(i, f.wards().at(ward.code(), i.code()), WardRanking.place(i.code(), ward.code(), f.wards())))
        .toList();
    List<UnitReporting.Due> due = ScopeReport.due(scope, f);
    return new ReportContents(scope, ScopeReport.title(VietLabels.unitTypeName(ward), f.month()), List.of(), List.of(),
        Optional.of(new Kpi("Kết quả thực hiện các chỉ tiêu của " + VietLabels.unitTypeName(ward), kpi)), Optional.empty(),
        Optional.of(new Places("Xếp hạng trong " + ref.wards().wards().size() + " xã, phường, đặc khu", places)),
        Optional.empty(), new Reporting("Tình hình báo cáo của các đơn vị trên địa bàn", UnitReporting.summary(due), due),
        DataFindings.of(scope, f, s, ref));
  }

  /** A unit's: its current figures of the reports due in the month, whether they came, its findings. */
  static ReportContents unit(ReportScope scope, MonthlyFigures f, ScopeFigures s, ScopeReport.Reference ref) {
    List<Reported> reported = s.reported().stream().filter(r -> r.unitCode().equalsIgnoreCase(scope.code()))
        .map(r -> new Reported(ref.metric(r.metricCode()), UnitReporting.periodVi(r.periodType(), r.period()), r.value()))
        .toList();
    List<UnitReporting.Due> due = ScopeReport.due(scope, f);
    return new ReportContents(scope, ScopeReport.title(scope.name(), f.month()), List.of(), List.of(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(reported),
        new Reporting("Tình hình báo cáo", UnitReporting.summary(due), due), DataFindings.of(scope, f, s, ref));
  }
}
