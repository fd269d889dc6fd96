package vn.haiphong.bdhvs.cube;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.identity.LinkedRecords;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.warehouse.Sql;

/**
 * The indicator cube's rules, written once as SQL in the dialect Spark SQL and DuckDB share and run
 * by both ({@link CubeEngine}): statements in order, each creating one relation. Each indicator's
 * formulas are in its catalog row (reference/indicators.csv): its family of facts
 * ({@code facts/<family>.sql}) holds {@code ${numerator}} and {@code ${denominator}}, filled with a
 * CASE over the family's indicators. {@code ${name}} placeholders are the constants of
 * {@link #constants}.
 */
final class CubeSql {
  /** The families of facts, in the order they run: city reads the persons facts. */
  static final List<String> FAMILIES = List.of("persons", "city", "reports", "reporting", "telecom");
  /** The relation holding the cube's rows, in the order of {@code indicator_cube.sql}. */
  static final String CUBE = "indicator_cube_rows";
  /** The relation saying, per month × source, whether the source is complete at the run date. */
  static final String SOURCE_MONTHS = "source_months";
  static final double KBPS_PER_MBPS = 1000.0;
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_0-9]+)}");

  /**
   * One statement: the relation it creates, its SQL, whether several later statements read it, and
   * whether it holds records (one row per enrolment, statement...) rather than figures per month × ward.
   */
  record Step(String relation, String sql, boolean reused, boolean ofRecords) {}

  private CubeSql() {}

  /** Loads the reference frames of {@code ref} and runs every statement of the cube. */
  static void run(CubeEngine engine, CubeReference ref) {
    for (ReferenceFrames.Frame frame : ReferenceFrames.all(ref)) {
      engine.load(frame);
    }
    for (Step step : steps(ref)) {
      engine.define(step);
    }
  }

  /** The cube's statements for {@code ref}, placeholders filled. */
  static List<Step> steps(CubeReference ref) {
    for (Indicator i : ref.catalog().indicators()) {
      if (!FAMILIES.contains(i.facts())) {
        throw new IllegalStateException("reference/indicators.csv: " + i.code() + " names facts '" + i.facts()
            + "', expected one of " + FAMILIES);
      }
    }
    Map<String, String> texts = new LinkedHashMap<>();
    for (String table : CubeInputs.TABLES) {
      if (LinkedRecords.ACCOUNTS.containsKey(table)) {
        texts.put("linked_" + table, LinkedRecords.sql(table));
      }
    }
    texts.put("mooc_attributed", text("mooc_attributed.sql"));
    // The relations so far hold records; those that follow, figures per month × ward.
    Set<String> records = Set.copyOf(texts.keySet());
    texts.put("reporting_counts", text("reporting_counts.sql"));
    texts.put("report_approvals", text("report_approvals.sql"));
    texts.put(SOURCE_MONTHS, text("source_months.sql"));
    for (String family : FAMILIES) {
      texts.put(family + "_facts", fill(text("facts/" + family + ".sql"), Map.of(
          "numerator", formulas(ref.catalog(), family, Indicator::numeratorSql),
          "denominator", formulas(ref.catalog(), family, Indicator::denominatorSql))));
    }
    texts.put("indicator_values", fill(text("indicator_values.sql"), Map.of("facts", FAMILIES.stream()
        .map(f -> "SELECT month, ward_code, target_group, indicator_code, numerator, denominator FROM " + f + "_facts")
        .collect(Collectors.joining("\n  UNION ALL\n  ")))));
    texts.put(CUBE, text("indicator_cube.sql"));
    List<String> names = new ArrayList<>(texts.keySet());
    List<Step> steps = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      long readers = names.subList(i + 1, names.size()).stream()
          .filter(later -> Pattern.compile("\\b" + name + "\\b").matcher(texts.get(later)).find()).count();
      String sql = fill(texts.get(name), constants(ref));
      Matcher left = PLACEHOLDER.matcher(sql);
      if (left.find()) {
        throw new IllegalStateException("cube SQL " + name + " uses an unknown placeholder " + left.group());
      }
      steps.add(new Step(name, sql, readers > 1, records.contains(name)));
    }
    return steps;
  }

  /** The MOOC statements attributed to wards and target groups, over {@code linked_mooc_statements}. */
  static String moocAttributed() {
    return fill(text("mooc_attributed.sql"), Map.of(
        "unknown", Sql.literal(DimensionMember.UNKNOWN), "resident", Sql.literal(TargetGroup.RESIDENT.code())));
  }

  /** The constants the SQL shares with the Java code and the reference data. */
  static Map<String, String> constants(CubeReference ref) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("all", Sql.literal(DimensionMember.ALL));
    values.put("unknown", Sql.literal(DimensionMember.UNKNOWN));
    values.put("resident", Sql.literal(TargetGroup.RESIDENT.code()));
    values.put("city_only", Sql.literal(Indicator.CITY_ONLY));
    values.put("ward_count", Integer.toString(ref.wardCount()));
    values.put("kbps_per_mbps", "CAST(" + KBPS_PER_MBPS + " AS DOUBLE)");
    values.put("run_id", Sql.literal(ref.runId()));
    values.put("run_date", "DATE " + Sql.literal(ref.runDate().toString()));
    return values;
  }

  /**
   * One formula of every indicator of {@code family}, as a CASE over {@code indicator_code}; null for
   * the others and for those without that formula.
   */
  static String formulas(IndicatorCatalog catalog, String family, Function<Indicator, String> formula) {
    String cases = catalog.indicators().stream()
        .filter(i -> i.facts().equals(family) && formula.apply(i) != null)
        .map(i -> "WHEN " + Sql.literal(i.code()) + " THEN (" + formula.apply(i) + ")")
        .collect(Collectors.joining(" "));
    return cases.isEmpty() ? "CAST(NULL AS DOUBLE)" : "CASE indicator_code " + cases + " END";
  }

  /**
   * {@code sql} with the placeholders of {@code values} replaced, the others kept; a value may hold
   * placeholders of its own (a formula naming ${all}), filled by a later pass.
   */
  static String fill(String sql, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(values.getOrDefault(m.group(1), m.group())));
    }
    return m.appendTail(out).toString();
  }

  private static String text(String resource) {
    try (InputStream in = CubeSql.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no cube SQL " + resource + " in the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the jar", e);
    }
  }
}
