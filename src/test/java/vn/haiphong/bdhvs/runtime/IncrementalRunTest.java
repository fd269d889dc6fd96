package vn.haiphong.bdhvs.runtime;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.GeneratedRun;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.generate.Scale;
import vn.haiphong.bdhvs.generate.SyntheticLanding;

/**
 * Nights in sequence — each reading only what is new, extending the enrolment history, rebuilding
 * only the cube months that changed — against one full run on the final landing: the same staged
 * rows, cube rows and rejects (run ids aside). Along the way an old snapshot changes at the same
 * path and changes back (the history is then folded again), and the last night is run again: once as
 * it was, once with the quality flags built from other rules.
 */
@Order(Integer.MAX_VALUE)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncrementalRunTest extends SharedSpark {
  private static final String CHANGED = "course/city-lms/2025-09-15/enrolments.csv";

  private Path landingRoot;
  private Path nightly;
  private Path full;
  private final List<PipelineRun.Outcome> nights = new ArrayList<>();
  private PipelineRun.Outcome rerun;
  private PipelineRun.Outcome otherRules;

  @BeforeAll
  void runNightsAndOneFullRun(@TempDir Path tmp) throws IOException {
    runBefore();
    landingRoot = tmp.resolve("landing");
    // The shared small sample's landing, so that its run is the full run to compare with.
    SyntheticLanding.generate(landingRoot, Scale.SMALL, SmallSampleRun.SEED);
    LocalDate last = GeneratedRun.runDate(GeneratedRun.expected(landingRoot));
    TestLanding landing = new TestLanding(landingRoot);
    nightly = tmp.resolve("nightly");
    GeneratedRun fullRun = SmallSampleRun.get(spark());
    assertEquals(last, GeneratedRun.runDate(fullRun.expected()), "the full run's date is the last night");
    full = fullRun.warehouse();

    // An early snapshot first delivered with half its rows, re-delivered whole at the same path.
    Path changed = landingRoot.resolve(CHANGED);
    byte[] original = Files.readAllBytes(changed);
    List<String> lines = Files.readAllLines(changed);
    Files.write(changed, lines.subList(0, lines.size() / 2));
    nights.add(landing.run(spark(), nightly, LocalDate.of(2025, 9, 20)));
    Files.write(changed, original);
    nights.add(landing.run(spark(), nightly, last.minusDays(1)));
    // The last night: later snapshots only (the history is extended), a few cube months rebuilt.
    nights.add(landing.run(spark(), nightly, last));
    rerun = landing.run(spark(), nightly, last);
    // What the quality flags were built from, as if the rules or the code had changed since.
    Path ledger = nightly.resolve("ledger/ledger.json");
    ObjectNode held = (ObjectNode) new ObjectMapper().readTree(ledger.toFile());
    ((ObjectNode) held.get("built_with")).put("quality", "rules of another day");
    Files.writeString(ledger, held.toPrettyString());
    otherRules = landing.run(spark(), nightly, last);
  }

  /**
   * A person's key depends on the nights it was seen in (the older key survives a merge), so the person links
   * are compared without their keys, and the merges not at all (see the next test).
   */
  @Test
  void nights_giveTheStagedRowsOfOneFullRun() {
    for (String table : folders(full.resolve("staged"))) {
      if (table.equals("person_links")) {
        assertSameRows(spark().read().parquet(full.resolve("staged/person_links").toString()).drop("person_key"),
            spark().read().parquet(nightly.resolve("staged/person_links").toString()).drop("person_key"), table);
      } else if (!table.equals("person_key_merges")) {
        assertSameRows("staged/" + table, table);
      }
    }
  }

  /** The persons planted to register twice become one on the last night, the older key surviving; one full run merges nothing. */
  @Test
  void thePlantedMerges_happenOnTheNightTheyAreDelivered() throws IOException {
    long planted = GeneratedRun.expected(landingRoot).at("/facts/linkage_merges_on_the_last_night").asLong();
    Dataset<Row> merges = spark().read().parquet(nightly.resolve("staged/person_key_merges").toString());
    assertEquals(planted, merges.filter(col("reason").equalTo("merged")).count());
    assertEquals(1, merges.select("run_id").distinct().count(), "all on one night");
    assertEquals(0, spark().read().parquet(full.resolve("staged/person_key_merges").toString()).count());
  }

  @Test
  void nights_giveTheCubeRowsOfOneFullRun() {
    for (String cube : folders(full.resolve("cubes"))) {
      assertSameRows("cubes/" + cube, cube);
    }
  }

  /** The same flags, each first seen on the night its report came (the full run saw them all on its one night). */
  @Test
  void nights_giveTheQualityFlagsOfOneFullRun() {
    for (String table : folders(full.resolve("quality"))) {
      assertSameRows(withoutRunId(full.resolve("quality/" + table)).drop("first_seen", "first_seen_run"),
          withoutRunId(nightly.resolve("quality/" + table)).drop("first_seen", "first_seen_run"), table);
    }
  }

  @Test
  void qualityFlags_areRebuiltOnlyWhenWhatTheyAreBuiltFromChanged() {
    assertEquals(Map.of(), rerun.results().get("check_unit_reports").tablesWritten(), "no unit report, rule or code changed");
    assertEquals(java.util.Set.of("quality/validation_violations", "quality/report_outliers"),
        otherRules.results().get("check_unit_reports").tablesWritten().keySet(), "built from other rules: rebuilt");
  }

  @Test
  void nights_keepTheRejectsOfEveryFile() {
    assertSameRows("rejects/*", "rejects");
  }

  @Test
  void nights_readOnlyWhatIsNewOrChanged() throws IOException {
    Map<String, String> secondNight = readBecause(nights.get(1));
    assertEquals("changed", secondNight.get(CHANGED));
    Assertions.assertTrue(secondNight.values().stream().allMatch(b -> b.equals("new") || b.equals("changed")), secondNight.toString());
    Assertions.assertFalse(secondNight.containsKey("course/city-lms/2025-09-08/enrolments.csv"), "read on the first night");
  }

  @Test
  void lastNight_rebuildsOnlyTheMonthsItChanged() {
    long rebuilt = nights.get(2).results().get("build_cubes").tablesWritten().get("cubes/indicator_cube");
    long all = spark().read().parquet(full.resolve("cubes/indicator_cube").toString()).count();
    Assertions.assertTrue(rebuilt > 0 && rebuilt < all, "rebuilt " + rebuilt + " of " + all + " rows");
  }

  @Test
  void sameDateAgain_readsNothingAndKeepsEveryRow() throws IOException {
    assertEquals(Map.of(), readBecause(rerun));
    JsonNode scan = new ObjectMapper().readTree(Path.of(rerun.manifestPath()).toFile()).get("landing_scan");
    Assertions.assertTrue(scan.get("files").asLong() > 100, scan.toString());
    assertEquals(0, scan.get("hashed").asLong(), "every file held with its size and time: none read to hash it");
    assertEquals(Map.of(), rerun.results().get("build_cubes").tablesWritten(), "no cube month changed");
    JsonNode ledger = new ObjectMapper().readTree(nightly.resolve("ledger/ledger.json").toFile());
    Assertions.assertTrue(ledger.path("facts_changed_from").isNull() || ledger.path("facts_changed_from").isMissingNode());
  }

  private void assertSameRows(String path, String name) {
    assertSameRows(withoutRunId(full.resolve(path)), withoutRunId(nightly.resolve(path)), name);
  }

  private static void assertSameRows(Dataset<Row> expected, Dataset<Row> actual, String name) {
    assertEquals(expected.count(), actual.count(), name + ": rows");
    assertEquals(0, expected.exceptAll(actual).count(), name + ": rows of the full run missing from the nights'");
    assertEquals(0, actual.exceptAll(expected).count(), name + ": rows of the nights' not in the full run");
  }

  private Dataset<Row> withoutRunId(Path path) {
    return spark().read().parquet(path.toString()).drop("run_id");
  }

  private static Map<String, String> readBecause(PipelineRun.Outcome outcome) throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(Path.of(outcome.manifestPath()).toFile());
    Map<String, String> because = new TreeMap<>();
    for (JsonNode source : manifest.get("sources")) {
      for (JsonNode f : source.path("files")) {
        because.put(f.get("path").asText(), f.get("read_because").asText());
      }
    }
    return because;
  }

  private static List<String> folders(Path dir) {
    try (Stream<Path> children = Files.list(dir)) {
      return children.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
