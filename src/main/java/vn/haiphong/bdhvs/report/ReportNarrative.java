package vn.haiphong.bdhvs.report;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReferenceTable;

/**
 * The city report's narrative in the seed report's form (docs/specification.md §7): the document header and
 * sections of sentences drafted from the month's figures. The sentences are templates in
 * {@code reference/report_narrative.csv}; every figure comes from the cubes through a placeholder, checked when
 * the file is read, so a template names a figure and never types one. A figure that is missing reads
 * "chưa có số liệu", never 0.
 */
final class ReportNarrative {
  static final String HEADER = "header";
  static final String MISSING = "chưa có số liệu";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern FIGURE = Pattern.compile(
      "([A-Z0-9_]+)(\\.numerator|\\.denominator)?(?:([@~])(previous|baseline))?");
  private static final Pattern CLASS = Pattern.compile("class_(title|learners):([A-Z0-9-]+)");
  private static final List<String> DATES = List.of("month", "month_end", "previous_month", "baseline_month");

  /** One template: its section, the sentence, and the month its baseline placeholders compare with (or null). */
  record Template(String section, String text, YearMonth compareMonth) {}

  /** A section as the report prints it: its title and its sentences, filled. */
  record Section(String title, List<String> sentences) {}

  private final List<Template> templates;
  private final IndicatorCatalog catalog;
  private final CourseCatalog courses;

  private ReportNarrative(List<Template> templates, IndicatorCatalog catalog, CourseCatalog courses) {
    this.templates = templates;
    this.catalog = catalog;
    this.courses = courses;
  }

  /** The committed templates, each placeholder checked against the catalog and the course catalog. */
  static ReportNarrative load(IndicatorCatalog catalog, CourseCatalog courses) {
    List<Template> templates = new ArrayList<>();
    for (ReferenceTable.Row row : ReferenceTable.load("report_narrative").rows()) {
      String month = row.text("compare_month");
      YearMonth compare;
      try {
        compare = month == null ? null : YearMonth.parse(month);
      } catch (java.time.DateTimeException e) {
        throw row.error("compare_month", "a month yyyy-MM or nothing");
      }
      Template t = new Template(row.text("section"), row.text("template_vi"), compare);
      String problem = problem(t, catalog, courses);
      if (problem != null) {
        throw row.error("template_vi", problem);
      }
      templates.add(t);
    }
    return new ReportNarrative(templates, catalog, courses);
  }

  /** What is wrong with a template's placeholders, or null when each names something that exists. */
  static String problem(Template t, IndicatorCatalog catalog, CourseCatalog courses) {
    Matcher m = PLACEHOLDER.matcher(t.text());
    while (m.find()) {
      String p = m.group(1);
      Matcher figure = FIGURE.matcher(p);
      Matcher course = CLASS.matcher(p);
      if (DATES.contains(p)) {
        if (p.equals("baseline_month") && t.compareMonth() == null) {
          return "a compare_month for {baseline_month}";
        }
      } else if (course.matches()) {
        if (courses.byCode(course.group(2)).isEmpty()) {
          return "a class of reference/course_catalog.csv, found {" + p + "}";
        }
      } else if (!figure.matches() || catalog.byCode(figure.group(1)).isEmpty()) {
        return "placeholders {CODE}, {CODE.numerator}, {CODE@previous}, {CODE~baseline}, {class_learners:CLASS}, {month}…"
            + " with CODE an indicator of reference/indicators.csv, found {" + p + "}";
      } else if ("baseline".equals(figure.group(4)) && t.compareMonth() == null) {
        return "a compare_month for {" + p + "}";
      }
    }
    return null;
  }

  /** The header's lines, filled for the month. */
  List<String> header(YearMonth month, CitySeries city, Map<String, Long> classLearners) {
    return templates.stream().filter(t -> t.section().equals(HEADER))
        .map(t -> fill(t, month, city, classLearners)).toList();
  }

  /** The sections after the header, in the order of their first sentence. */
  List<Section> sections(YearMonth month, CitySeries city, Map<String, Long> classLearners) {
    Map<String, List<String>> bySection = new LinkedHashMap<>();
    for (Template t : templates) {
      if (!t.section().equals(HEADER)) {
        bySection.computeIfAbsent(t.section(), k -> new ArrayList<>()).add(fill(t, month, city, classLearners));
      }
    }
    return bySection.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
  }

  /** One sentence with its placeholders filled from the city's figures of {@code month}. */
  String fill(Template t, YearMonth month, CitySeries city, Map<String, Long> classLearners) {
    Matcher m = PLACEHOLDER.matcher(t.text());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(value(m.group(1), t, month, city, classLearners)));
    }
    m.appendTail(out);
    return out.toString();
  }

  private String value(String p, Template t, YearMonth month, CitySeries city, Map<String, Long> classLearners) {
    switch (p) {
      case "month" -> {
        return monthText(month);
      }
      case "previous_month" -> {
        return monthText(month.minusMonths(1));
      }
      case "baseline_month" -> {
        return monthText(t.compareMonth());
      }
      case "month_end" -> {
        return String.format("%02d/%02d/%d", month.atEndOfMonth().getDayOfMonth(), month.getMonthValue(), month.getYear());
      }
      default -> { }
    }
    Matcher course = CLASS.matcher(p);
    if (course.matches()) {
      return course.group(1).equals("title")
          ? courses.byCode(course.group(2)).orElseThrow().title()
          : Optional.ofNullable(classLearners.get(course.group(2))).map(n -> ReportNumbers.format(n)).orElse(MISSING);
    }
    Matcher figure = FIGURE.matcher(p);
    figure.matches();
    Indicator indicator = catalog.byCode(figure.group(1)).orElseThrow();
    YearMonth earlier = figure.group(4) == null ? null
        : figure.group(4).equals("previous") ? month.minusMonths(1) : t.compareMonth();
    Function<CubeRow, Double> part = figure.group(2) == null ? CubeRow::value
        : figure.group(2).equals(".numerator") ? CubeRow::numerator : CubeRow::denominator;
    String unit = figure.group(2) == null ? indicator.unit() : "count";
    Double now = city.at(indicator.code(), month).map(part).orElse(null);
    if ("~".equals(figure.group(3))) {
      Double then = city.at(indicator.code(), earlier).map(part).orElse(null);
      return DeltaPhrase.of(indicator.code(), unit, now, then, earlier)
          .orElse(MISSING + " để so với tháng " + monthText(earlier));
    }
    Double shown = "@".equals(figure.group(3)) ? city.at(indicator.code(), earlier).map(part).orElse(null) : now;
    return shown == null ? MISSING : ReportNumbers.withUnit(shown, unit);
  }

  private static String monthText(YearMonth month) {
    return month.getMonthValue() + "/" + month.getYear();
  }
}
