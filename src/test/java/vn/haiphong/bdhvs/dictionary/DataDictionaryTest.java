package vn.haiphong.bdhvs.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.Expectation;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.job.JobGraph;
import vn.haiphong.bdhvs.reference.Indicator;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;

class DataDictionaryTest {
  static final Path COMMITTED = Path.of("docs/data-dictionary.md");

  @Test
  void committedCopy_isWhatTheContractsCatalogAndJobGraphSay() throws IOException {
    String generated = DataDictionary.load().markdown();
    String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
    assertTrue(generated.equals(committed), COMMITTED + " differs from what schemas/, reference/ and jobs/ say:"
        + " run bin/bdhvs dictionary --out " + COMMITTED + " and commit it");
  }

  @Test
  void everyDataTestOfAWrittenTable_isListedWithItsSeverity() {
    String md = DataDictionary.load().markdown();
    for (TableContract t : TableContract.all()) {
      if (!Set.of("staged", "output").contains(t.kind())) {
        continue;
      }
      String section = md.substring(md.indexOf("### " + t.id() + "\n"));
      section = section.substring(0, section.indexOf("\n### ") < 0 ? section.length() : section.indexOf("\n### "));
      for (Expectation e : t.dataTests()) {
        if (e.kind() != Expectation.Kind.NOT_NULL) {
          assertTrue(section.contains("| `" + e.name() + "` | " + e.severity().code() + " |"), t.id() + " " + e.name());
        }
      }
    }
  }

  @Test
  void everyTableAndColumn_hasADescription() {
    List<String> undescribed = new ArrayList<>();
    for (TableContract t : TableContract.all()) {
      if (t.description() == null || t.description().isBlank()) {
        undescribed.add(t.id());
      }
      for (ColumnContract c : t.columns()) {
        if (c.description() == null || c.description().isBlank()) {
          undescribed.add(t.id() + "." + c.name());
        }
      }
    }
    assertEquals(List.of(), undescribed, "tables and columns without a description in schemas/");
  }

  @Test
  void everyIndicator_isDefined() {
    List<String> undefined = IndicatorCatalog.load().indicators().stream()
        .filter(i -> blank(i.nameVi()) || blank(i.definitionVi()) || blank(i.source()) || blank(i.plan()))
        .map(Indicator::code).toList();
    assertEquals(List.of(), undefined, "indicators without a name, definition, source or plan in reference/indicators.csv");
  }

  @Test
  void lineage_namesJobsOfTheGraphAndExistingTables() {
    Set<String> jobs = JobGraph.load().jobs().stream().map(JobGraph.Node::name).collect(Collectors.toSet());
    Set<String> tables = TableContract.all().stream().map(TableContract::id).collect(Collectors.toSet());
    List<String> wrong = new ArrayList<>();
    for (TableContract t : TableContract.all()) {
      boolean written = Set.of("staged", "output", "warehouse").contains(t.kind());
      if (written == t.writtenBy().isEmpty()) {
        wrong.add(t.id() + (written ? ": no writtenBy" : ": nobody writes an export or reference table"));
      }
      t.writtenBy().stream().filter(j -> !jobs.contains(j)).forEach(j -> wrong.add(t.id() + ": unknown job " + j));
      t.readsFrom().stream().filter(r -> !tables.contains(r)).forEach(r -> wrong.add(t.id() + ": unknown table " + r));
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void stagedTables_readTheExportsOfTheirOwnSource() {
    for (TableContract staged : TableContract.all()) {
      if (!staged.kind().equals("staged")) {
        continue;
      }
      List<String> exports = staged.readsFrom().stream().filter(r -> r.startsWith("input/")).toList();
      if (!vn.haiphong.bdhvs.landing.Landing.SOURCES.contains(staged.source())) {
        // Derived across sources (the person links): staged tables only, never an export.
        assertTrue(exports.isEmpty() && staged.readsFrom().stream().allMatch(r -> r.startsWith("staged/")), staged.id());
        continue;
      }
      assertTrue(!exports.isEmpty(), staged.id() + " reads no export");
      for (String export : exports) {
        assertEquals(staged.source(), TableContract.load("input", export.substring("input/".length())).source(),
            staged.id() + " reads " + export);
      }
    }
  }

  @Test
  void markdown_namesEveryTableColumnIndicatorAndJob() {
    String md = DataDictionary.load().markdown();
    for (TableContract t : TableContract.all()) {
      assertTrue(md.contains("### " + t.id() + "\n"), t.id());
      for (ColumnContract c : t.columns()) {
        assertTrue(md.contains("| `" + c.name() + "` |"), t.id() + "." + c.name());
      }
    }
    IndicatorCatalog.load().indicators().forEach(i -> assertTrue(md.contains("| `" + i.code() + "` |"), i.code()));
    JobGraph.load().jobs().forEach(j -> assertTrue(md.contains("| `" + j.name() + "` |"), j.name()));
    assertTrue(md.contains("- written by: `build_cubes`\n- reads from: `output/indicator_cube`, `reference/indicators`"),
        "skill_gaps lineage");
    assertTrue(md.contains("- read by: `ingest_contest`"), "an export names the job that reads it");
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
