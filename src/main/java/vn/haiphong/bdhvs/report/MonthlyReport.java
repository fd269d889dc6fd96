package vn.haiphong.bdhvs.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.PlanTargets;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The monthly report {@code reports/<YYYY-MM>.html} (with its workbook and document beside it): one self-contained Vietnamese HTML file
 * (inline CSS and SVG, no script, nothing fetched) built from the warehouse's Parquet with DuckDB; and
 * the month's reports of each ward and department with their index under {@code reports/<YYYY-MM>/}.
 */
public final class MonthlyReport {
  /** The rates the ward ranking shows. */
  static final List<String> HEADLINE_RATES = List.of("PS_SKILLED_RATE", "RES_BASIC_SKILL_RATE", "RES_VNEID_CERT_RATE");
  /** The indicator the map colours the wards by. */
  static final String MAP_INDICATOR = "RES_BASIC_SKILL_RATE";
  /** The columns of the ward table. */
  static final List<String> WARD_COLUMNS = List.of("PS_SKILLED_RATE", "RES_BASIC_SKILL_RATE",
      "RES_VNEID_CERT_RATE_MEASURED", "LMS_LEARNERS", "CONTEST_REGISTRANTS", "BTS_4G", "MOBILE_DL_MBPS",
      "REPORT_COMPLETENESS");

  private final IndicatorCatalog catalog;
  private final PlanTargets targets;
  private final WardDirectory wards;
  private final WardShapes shapes;
  private final ReportingUnits units;
  private final ScopeReport.Reference reference;
  private final ReportNarrative narrative;

  MonthlyReport(IndicatorCatalog catalog, PlanTargets targets, WardDirectory wards, WardShapes shapes, ReportingUnits units) {
    this.catalog = catalog;
    this.targets = targets;
    this.wards = wards;
    this.shapes = shapes;
    this.units = units;
    this.reference = ScopeReport.Reference.load(catalog, targets, wards, units);
    this.narrative = ReportNarrative.load(catalog, CourseCatalog.loadDefault());
  }

  /** With the reference data of the repository. */
  public static MonthlyReport withReference() {
    WardDirectory wards = WardDirectory.load();
    return new MonthlyReport(IndicatorCatalog.load(), PlanTargets.load(wards), wards, WardShapes.load(),
        ReportingUnits.load(wards));
  }

  /** The latest closed month of the warehouse (every source complete at the run date), if any. */
  public static Optional<YearMonth> latestClosedMonth(Path warehouseRoot) {
    try (ReportSource source = new ReportSource(warehouseRoot)) {
      return source.latestClosedMonth();
    }
  }

  /** The months of the warehouse that have an indicator cube, in order. */
  public static Set<YearMonth> cubeMonths(Path warehouseRoot) {
    try (ReportSource source = new ReportSource(warehouseRoot)) {
      return source.cubeMonths();
    }
  }

  /**
   * Writes {@code reports/<month>.html} under the warehouse root, and beside it the workbook
   * {@code <month>.xlsx} and the document {@code <month>.docx} officials edit and forward, each from
   * the same {@link MonthlyFigures} (aside, then renamed over the old one); returns their paths, the
   * page first. A month without a cube is a {@link vn.haiphong.bdhvs.errors.UserError}.
   */
  public List<Path> write(Path warehouseRoot, YearMonth month) {
    return write(warehouseRoot, month, Selection.CITY, null);
  }

  /** Which reports a call writes: the city's, one ward's, one unit's, or all of them with the index. */
  public enum Selection { CITY, WARD, UNIT, ALL }

  /**
   * Writes the reports {@code selection} names for {@code month} ({@code code} the ward's or the unit's
   * for WARD and UNIT; see {@link ReportScope#page} for where each goes), reading the warehouse once
   * for all of them; each report is a page with its workbook and document beside it. With ALL: the city's
   * files and its PDF ({@link #printPdf}), {@code <month>/index.html}, every ward's and every department's
   * files; their PDFs are printed on demand only ({@code bdhvs report --ward/--unit}: see {@link ChromiumPdf}). An unknown ward or unit, or a month without a cube, is a
   * {@link vn.haiphong.bdhvs.errors.UserError}. Returns the files written, the city's page first.
   */
  public List<Path> write(Path warehouseRoot, YearMonth month, Selection selection, String code) {
    Optional<Ward> ward = selection == Selection.WARD ? Optional.of(ward(code)) : Optional.empty();
    Optional<ReportingUnit> unit = selection == Selection.UNIT ? Optional.of(unit(code)) : Optional.empty();
    MonthlyFigures figures;
    ScopeFigures scopes = null;
    try (ReportSource source = new ReportSource(warehouseRoot)) {
      source.requireCube(month);
      figures = MonthlyFigures.read(source, month, catalog, targets, units, narrative);
      if (selection != Selection.CITY) {
        scopes = ScopeFigures.read(source, month, units);
      }
    }
    Path folder = warehouseRoot.resolve("reports");
    List<Path> written = new ArrayList<>();
    Optional<ChromiumPdf.Printing> pdf = Optional.empty();
    if (selection == Selection.CITY || selection == Selection.ALL) {
      // A link to the month's index when it is written now or was before (a city report alone, after a night's run).
      boolean index = selection == Selection.ALL || Files.isRegularFile(folder.resolve(ReportScope.indexPage(month)));
      String html = render(figures, index);
      written.add(replace(folder, month + ".html", aside -> Files.writeString(aside, html, StandardCharsets.UTF_8)));
      if (selection == Selection.ALL) {
        pdf = Optional.of(ChromiumPdf.start(written.get(0)));
      }
      written.addAll(officeFiles(folder, month, ReportContents.city(figures, catalog, wards)));
    }
    List<Ward> wardPages = selection == Selection.ALL ? wards.wards() : ward.map(List::of).orElse(List.of());
    List<ReportingUnit> unitPages = selection == Selection.ALL ? departments() : unit.map(List::of).orElse(List.of());
    // Some 250 scopes a month, each its own three files from figures read once: written in parallel
    // (POI's serialising is most of a night's report time), listed in order.
    ScopeFigures read = scopes;
    List<Supplier<List<Path>>> scopeWrites = new ArrayList<>();
    for (Ward w : wardPages) {
      scopeWrites.add(() -> {
        ReportContents contents = ReportContents.ward(w, figures, read, reference);
        return scopeFiles(folder, month, contents, ScopeReport.ward(contents, w, figures, read));
      });
    }
    for (ReportingUnit u : unitPages) {
      scopeWrites.add(() -> {
        ReportContents contents = ReportContents.unit(ReportScope.unit(u), figures, read, reference);
        return scopeFiles(folder, month, contents, ScopeReport.unit(contents, month));
      });
    }
    written.addAll(scopeWrites.parallelStream().flatMap(write -> write.get().stream()).toList());
    if (selection == Selection.ALL) {
      written.add(page(folder, ReportScope.indexPage(month), ReportIndex.html(month, figures, scopes, reference, departments())));
    }
    pdf.flatMap(ChromiumPdf.Printing::finish).ifPresent(written::add);
    return written;
  }

  // A ward's or a unit's page, then its workbook and document beside it, from the same contents.
  private List<Path> scopeFiles(Path reports, YearMonth month, ReportContents contents, String html) {
    List<Path> files = new ArrayList<>(List.of(page(reports, contents.scope().page(month), html)));
    files.addAll(officeFiles(reports, month, contents));
    return files;
  }

  // The report's workbook and document beside its page, from the same contents.
  private List<Path> officeFiles(Path reports, YearMonth month, ReportContents contents) {
    Path xlsx = reports.resolve(contents.scope().file(month, "xlsx"));
    Path docx = reports.resolve(contents.scope().file(month, "docx"));
    return List.of(replace(xlsx.getParent(), xlsx.getFileName().toString(), aside -> OfficeWorkbook.write(contents, wards, aside)),
        replace(docx.getParent(), docx.getFileName().toString(), aside -> OfficeDocument.write(contents, aside)));
  }

  /** The page printed to a PDF beside it by a headless Chromium, when one is installed (a log line says when not). */
  public static Optional<Path> printPdf(Path page) {
    return ChromiumPdf.start(page).finish();
  }

  /** The city's departments and sectors that report, each with its own report. */
  List<ReportingUnit> departments() {
    return units.units().stream().filter(u -> u.kind().equals("department")).toList();
  }

  private Ward ward(String code) {
    String wanted = code == null ? "" : code.strip();
    return wards.byCode(wanted).orElseThrow(() -> new UserError("--ward " + wanted + ": no such ward in reference/wards.csv"
        + " (a ward is its 5-digit code, e.g. 10507 for phường Thành Đông)"));
  }

  private ReportingUnit unit(String code) {
    return units.byCode(code).orElseThrow(() -> new UserError("--unit " + (code == null ? "" : code.strip())
        + ": no such reporting unit in reference/reporting_units.csv (e.g. SO-GDDT for Sở Giáo dục và Đào tạo)"));
  }

  // A page under reports/, its folders made on the way.
  private static Path page(Path reports, String relative, String html) {
    Path target = reports.resolve(relative);
    return replace(target.getParent(), target.getFileName().toString(),
        aside -> Files.writeString(aside, html, StandardCharsets.UTF_8));
  }

  private interface FileWriter {
    void write(Path aside) throws IOException;
  }

  // Written aside and renamed over the old file: a reader never sees half a report.
  private static Path replace(Path folder, String name, FileWriter writer) {
    Path target = folder.resolve(name);
    Path aside = folder.resolve("." + name + ".tmp");
    try {
      Files.createDirectories(folder);
      try {
        writer.write(aside);
        Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(aside);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  String render(MonthlyFigures f, boolean linkIndex) {
    YearMonth month = f.month();
    Indicator mapped = indicator(MAP_INDICATOR);
    StringBuilder rankings = new StringBuilder();
    HEADLINE_RATES.forEach(code -> rankings.append(WardRanking.html(indicator(code), f.wards(), wards)));
    StringBuilder trends = new StringBuilder();
    for (Indicator i : catalog.indicators()) {
      if (f.city().at(i.code(), month).isPresent()) {
        trends.append(TrendChart.svg(i, f.city().upTo(i.code(), month)));
      }
    }
    String lead = linkIndex ? "<p class=\"lead\"><a href=\"" + ReportScope.indexPage(month)
        + "\">Báo cáo của từng xã, phường và sở, ban, ngành</a></p>" : "";
    return Page.html(f.title(), lead + narrativeHeader(f), List.of(
        new Page.Section("narrative", "Kết quả triển khai", narrativeHtml(f)),
        new Page.Section("kpi", "I. Kết quả thực hiện các chỉ tiêu toàn thành phố", KpiTable.html(f.kpi())),
        new Page.Section("map", "II. Bản đồ: " + HtmlText.escape(mapped.nameVi()),
            WardMap.svg(shapes, f.wards().values(mapped.code()), mapped.unit(), mapped.nameVi())),
        new Page.Section("trends", "III. Diễn biến theo tháng", "<div class=\"trends\">\n" + trends + "</div>\n"),
        new Page.Section("ranking", "IV. Xếp hạng xã, phường", "<div class=\"rankings\">\n" + rankings + "</div>\n"),
        new Page.Section("wards", "V. Kết quả theo xã, phường, đặc khu",
            WardTable.html(wards.wards(), wardColumns(catalog), f.wards())),
        new Page.Section("gaps", "VI. Xã, phường có số liệu báo cáo vượt xa số liệu đo trên nền tảng",
            SkillGapTable.html(f.skillGaps(), catalog, wards)),
        new Page.Section("quality", "VII. Chất lượng dữ liệu",
            DataQuality.html(f, catalog, units, wards))));
  }

  // The document's header as the seed report opens: issuing body, number and date to fill in, title, "Kính gửi".
  private static String narrativeHeader(MonthlyFigures f) {
    StringBuilder html = new StringBuilder("<div class=\"doc-header\">");
    f.narrative().header().forEach(line -> html.append("<p>").append(HtmlText.escape(line)).append("</p>"));
    return html.append("</div>\n").toString();
  }

  private static String narrativeHtml(MonthlyFigures f) {
    StringBuilder html = new StringBuilder();
    for (ReportNarrative.Section s : f.narrative().sections()) {
      html.append("<h3>").append(HtmlText.escape(s.title())).append("</h3>\n");
      s.sentences().forEach(sentence -> html.append("<p class=\"narrative\">").append(HtmlText.escape(sentence)).append("</p>\n"));
    }
    return html.toString();
  }

  /** The indicators of the ward table, in its order. */
  static List<Indicator> wardColumns(IndicatorCatalog catalog) {
    return WARD_COLUMNS.stream().map(code -> indicator(catalog, code)).toList();
  }

  private Indicator indicator(String code) {
    return indicator(catalog, code);
  }

  private static Indicator indicator(IndicatorCatalog catalog, String code) {
    Optional<Indicator> found = catalog.byCode(code);
    return found.orElseThrow(() -> new IllegalStateException("the report names indicator " + code
        + ", which reference/indicators.csv does not define"));
  }
}
