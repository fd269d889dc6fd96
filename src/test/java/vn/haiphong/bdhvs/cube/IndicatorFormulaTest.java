package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;

/**
 * One place per indicator: its catalog row (reference/indicators.csv) holds its formulas, and the
 * code computes exactly the catalog's indicators without naming any of them.
 */
class IndicatorFormulaTest {
  private static final IndicatorCatalog CATALOG = IndicatorCatalog.load();
  private static final Path MAIN = Path.of("src/main");
  /** Quoted text: a Java string, an SQL string (comments removed first: their apostrophes are no quotes). */
  private static final Pattern JAVA_STRING = Pattern.compile("\"([^\"\\\\]*)\"");
  private static final Pattern SQL_STRING = Pattern.compile("'([^']*)'");

  @Test
  void implementedIndicators_areTheCatalogs_eachInOneFamilyOfFacts() {
    Set<String> implemented = new TreeSet<>();
    for (String family : CubeSql.FAMILIES) {
      String cases = CubeSql.formulas(CATALOG, family, Indicator::numeratorSql);
      Matcher code = Pattern.compile("WHEN '([A-Z0-9_]+)' THEN").matcher(cases);
      int found = 0;
      while (code.find()) {
        assertTrue(implemented.add(code.group(1)), code.group(1) + " in two families");
        found++;
      }
      assertTrue(found > 0, "family " + family + " computes no indicator of the catalog");
      assertNotNull(CubeSql.class.getResource("facts/" + family + ".sql"), family);
    }
    assertEquals(CATALOG.indicators().stream().map(Indicator::code).collect(Collectors.toCollection(TreeSet::new)),
        implemented);
  }

  @Test
  void everyRate_hasADenominatorFormula_everyCountNone() {
    for (Indicator i : CATALOG.indicators()) {
      boolean divided = !i.unit().equals("count");
      assertEquals(divided, i.denominatorSql() != null, i.code());
    }
  }

  @Test
  void everyFamilyOfFacts_isRunAndNamedByTheCatalog() throws IOException {
    Set<String> files;
    try (Stream<Path> sql = Files.list(MAIN.resolve("resources/vn/haiphong/bdhvs/cube/facts"))) {
      files = sql.map(p -> p.getFileName().toString().replaceFirst("\\.sql$", ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(new TreeSet<>(CubeSql.FAMILIES), files);
    assertEquals(files, CATALOG.indicators().stream().map(Indicator::facts).collect(Collectors.toCollection(TreeSet::new)));
  }

  /**
   * No indicator code, nor the start of one ("REPORT_"), is written in the code's Java or SQL: a
   * rule keyed by a code belongs in the code's catalog row. The report picks which indicators to
   * show (a layout, no formula) and is left out.
   */
  @Test
  void noJavaOrSqlOfTheCode_namesAnIndicator() throws IOException {
    Set<String> codes = CATALOG.indicators().stream().map(Indicator::code).collect(Collectors.toSet());
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql"))
          .filter(p -> !p.toString().contains("/vn/haiphong/bdhvs/report/")).toList()) {
        boolean java = file.toString().endsWith(".java");
        String source = Files.readString(file);
        Matcher quoted = java ? JAVA_STRING.matcher(source) : SQL_STRING.matcher(source.replaceAll("--[^\n]*", ""));
        while (quoted.find()) {
          String text = quoted.group(1);
          if (codes.contains(text) || text.endsWith("_") && codes.stream().anyMatch(c -> c.startsWith(text))) {
            found.add(MAIN.relativize(file) + ": " + text);
          }
        }
      }
    }
    assertEquals(List.of(), found);
  }
}
