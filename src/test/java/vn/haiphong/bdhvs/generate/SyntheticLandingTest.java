package vn.haiphong.bdhvs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class SyntheticLandingTest {

  private static final List<Pattern> LAYOUT = List.of(
      Pattern.compile("course/city-lms/\\d{4}-\\d{2}-\\d{2}/enrolments\\.csv"),
      Pattern.compile("course/national-mooc/\\d{4}-\\d{2}-\\d{2}/statements\\.jsonl(\\.gz)?"),
      Pattern.compile("course/catalog/\\d{4}-\\d{2}-\\d{2}/courses\\.csv"),
      Pattern.compile("contest/\\d{4}-\\d{2}-\\d{2}/(registrations|submissions|visits)\\.csv"),
      Pattern.compile("telecom/\\d{4}-\\d{2}/(operator-[a-z0-9]+|speedtest)\\.csv"),
      Pattern.compile("unit-reports/\\d{4}-\\d{2}-\\d{2}/[^/]+\\.json"),
      Pattern.compile("unit-reports/approvals/\\d{4}-\\d{2}-\\d{2}/approvals\\.csv"));

  private final Path root = GeneratedSample.root();
  private final JsonNode expected = GeneratedSample.expected();

  @Test
  void layout_everyFileFitsSpecSection2_andEverySourceIsPresent() {
    Set<String> kinds = new TreeSet<>();
    for (Path file : LandingReader.files(root)) {
      String path = LandingReader.relative(root, file);
      if (path.startsWith("_generated/")) {
        continue;
      }
      assertTrue(LAYOUT.stream().anyMatch(p -> p.matcher(path).matches()), path);
      kinds.add(path.replaceAll("/\\d{4}-\\d{2}(-\\d{2})?/", "/*/").replaceAll("operator-[a-z]+", "operator-*")
          .replaceAll("unit-reports/\\*/.*", "unit-reports/*/*.json").replace(".jsonl.gz", ".jsonl"));
    }
    assertEquals(new TreeSet<>(List.of("contest/*/registrations.csv", "contest/*/submissions.csv",
        "contest/*/visits.csv", "course/catalog/*/courses.csv", "course/city-lms/*/enrolments.csv",
        "course/national-mooc/*/statements.jsonl", "telecom/*/operator-*.csv", "telecom/*/speedtest.csv",
        "unit-reports/*/*.json", "unit-reports/approvals/*/approvals.csv")), kinds);
  }

  @Test
  void expectedJson_listsEveryFile_andItsRowsMatchARecount() throws IOException {
    Set<String> listed = new TreeSet<>();
    for (JsonNode f : expected.get("files")) {
      String path = f.get("path").asText();
      listed.add(path);
      byte[] bytes = Files.readAllBytes(root.resolve(path));
      String reject = f.get("file_reject").isNull() ? null : f.get("file_reject").asText();
      int rows = f.get("rows").asInt();
      if ("file_empty".equals(reject)) {
        assertEquals(0, bytes.length, path);
      } else if ("file_corrupt".equals(reject)) {
        assertThrows(IOException.class, () -> gunzip(bytes), path);
      } else if ("file_invalid_json".equals(reject)) {
        assertThrows(IOException.class, () -> new ObjectMapper().readTree(bytes), path);
      } else if (path.endsWith(".json")) {
        new ObjectMapper().readTree(bytes);
        assertEquals(1, rows, path);
      } else if (path.contains(".jsonl")) {
        String text = new String(path.endsWith(".gz") ? gunzip(bytes) : bytes, StandardCharsets.UTF_8);
        assertEquals(rows, text.lines().filter(l -> !l.isBlank()).count(), path);
      } else {
        assertEquals("file_not_utf8".equals(reject), LandingReader.utf8(bytes).isEmpty(), path);
        assertEquals(rows, LandingReader.csv(bytes).records().size(), path);
      }
      assertEquals(rows, f.get("rows_accepted").asInt() + f.get("rows_rejected").asInt(), path);
    }
    Set<String> onDisk = new TreeSet<>();
    LandingReader.files(root).stream().map(p -> LandingReader.relative(root, p))
        .filter(p -> !p.startsWith("_generated/")).forEach(onDisk::add);
    assertEquals(onDisk, listed);
  }

  @Test
  void seedFigures_recomputedFromTheFiles_matchExpectedFacts() {
    JsonNode facts = expected.get("facts");
    SeedFigures figures = new SeedFigures(root);
    assertEquals(facts.get("contest_registrants_2025_11").asLong(),
        figures.contestRegistrants(LocalDateTime.of(2025, 11, 30, 23, 59, 59)));
    assertEquals(Scale.SMALL.contestRegistrants, facts.get("contest_registrants_2025_11").asInt());
    assertEquals(facts.get("contest_registrants_2025_10").asLong(),
        figures.contestRegistrants(LocalDateTime.of(2025, 10, 31, 23, 59, 59)));
    assertEquals(facts.get("contest_visits_2025_10").asLong(), figures.visits(YearMonth.of(2025, 10)));
    assertEquals(facts.get("contest_visits_2025_11").asLong(), figures.visits(YearMonth.of(2025, 11)));
    assertEquals(Scale.SMALL.contestVisits, figures.visits(YearMonth.of(2025, 10)) + figures.visits(YearMonth.of(2025, 11)));
    Map<String, Integer> classes = figures.lmsClassLearners(LocalDate.of(2025, 11, 30));
    List<String> big = List.of("HP-KNS-01", "HP-CDS-02", "HP-DVC-03", "HP-KNS-04");
    for (int c = 0; c < 4; c++) {
      assertEquals(Scale.SMALL.bigClassLearners.get(c), classes.get(big.get(c)), big.get(c));
      assertEquals(facts.get("lms_class_learners_2025_11_" + big.get(c)).asInt(), classes.get(big.get(c)));
    }
    assertTelecomFigures(figures);
    long[] october = figures.stations(YearMonth.of(2025, 10));
    assertEquals(facts.get("bts_4g_2025_10").asLong(), october[0], "October after its re-delivery");
    assertEquals(facts.get("bts_5g_2025_10").asLong(), october[1], "October after its re-delivery");
  }

  @Test
  void seedStory_theSmallSampleHasTheShapeOfTheCity() {
    SeedStory.assertAll(new SeedFigures(root), Scale.SMALL);
  }

  static void assertTelecomFigures(SeedFigures figures) {
    long[] sep = figures.stations(YearMonth.of(2025, 9));
    long[] nov = figures.stations(YearMonth.of(2025, 11));
    assertEquals(680, nov[0] + nov[1] - sep[0] - sep[1]);
    assertEquals(611, nov[1] - sep[1]);
    YearMonth s = YearMonth.of(2025, 9);
    YearMonth n = YearMonth.of(2025, 11);
    assertEquals("313.00", figures.speedMbps(n, "fixed", true).toPlainString());
    assertEquals("233.41", figures.speedMbps(n, "fixed", false).toPlainString());
    assertEquals("111.39", figures.speedMbps(n, "mobile", true).toPlainString());
    assertEquals("35.44", figures.speedMbps(n, "mobile", false).toPlainString());
    assertEquals("252.00", figures.speedMbps(s, "fixed", true).toPlainString());
    assertEquals("197.61", figures.speedMbps(s, "fixed", false).toPlainString());
    assertEquals("77.83", figures.speedMbps(s, "mobile", true).toPlainString());
    assertEquals("23.57", figures.speedMbps(s, "mobile", false).toPlainString());
  }

  @Test
  void rejects_everyPlannedReasonIsExpectedSomewhere() {
    Set<String> reasons = new TreeSet<>();
    expected.get("sources").forEach(s -> s.get("rejected_by_reason").fieldNames().forEachRemaining(reasons::add));
    assertTrue(reasons.containsAll(List.of("wrong_field_count", "missing_required", "bad_date", "field_too_long",
        "invalid_json", "unknown_verb", "bad_period", "file_invalid_json", "file_not_utf8", "file_empty",
        "file_missing_columns", "file_corrupt")), reasons.toString());
  }

  @Test
  void qualityFlags_everyFlagIsExpectedOnKeptRows() {
    JsonNode total = expected.get("quality_flags").get("total");
    for (String flag : List.of("ward_unknown", "ward_ambiguous_legacy", "ward_empty", "target_group_unknown",
        "course_unknown", "unit_unknown")) {
      assertTrue(total.path(flag).asLong() > 0, flag);
    }
  }

  static byte[] gunzip(byte[] bytes) throws IOException {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  static List<String> lines(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    try {
      return new String(file.toString().endsWith(".gz") ? gunzip(bytes) : bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException truncated) {
      return new ArrayList<>();
    }
  }

  @Test
  void summary_printsOneLinePerSourceAndTheFacts() {
    assertFalse(expected.get("facts").isEmpty());
  }
}
