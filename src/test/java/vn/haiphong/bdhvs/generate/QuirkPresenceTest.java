package vn.haiphong.bdhvs.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** Every quirk of the brief, found in the SMALL sample's files themselves (not in the ledger). */
class QuirkPresenceTest {

  private static final Path ROOT = GeneratedSample.root();
  private static final Map<String, LandingReader.Csv> CSV = new HashMap<>();
  private static final Map<String, String> TABLE_OF = Map.of("registrations.csv", "contest_registrations",
      "submissions.csv", "contest_submissions", "visits.csv", "contest_visits", "enrolments.csv", "lms_enrolments",
      "courses.csv", "course_catalog", "speedtest.csv", "telecom_speedtest", "approvals.csv", "unit_report_approvals");
  private static final List<JsonNode> STATEMENTS = new ArrayList<>();
  private static final List<String> STATEMENT_FILES = new ArrayList<>();
  private static final List<JsonNode> REPORTS = new ArrayList<>();

  @BeforeAll
  static void read() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (Path file : LandingReader.files(ROOT)) {
      String path = LandingReader.relative(ROOT, file);
      if (path.endsWith(".csv") && Files.size(file) > 0) {
        CSV.put(path, LandingReader.csv(file));
      } else if (path.contains(".jsonl")) {
        STATEMENT_FILES.add(path);
        for (String line : SyntheticLandingTest.lines(file)) {
          try {
            STATEMENTS.add(json.readTree(line));
          } catch (IOException invalidLine) {
            // counted by the reject tests
          }
        }
      } else if (path.startsWith("unit-reports/")) {
        try {
          REPORTS.add(json.readTree(file.toFile()));
        } catch (IOException invalidDocument) {
          // the file_invalid_json sample
        }
      }
    }
  }

  private static String table(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.startsWith("operator-") ? "telecom_operator" : TABLE_OF.get(name);
  }

  /** Values of one contract column over every CSV of the tables that have it. */
  private static List<String> values(String column, String... tables) {
    List<String> out = new ArrayList<>();
    CSV.forEach((path, csv) -> {
      String t = table(path);
      if (List.of(tables).contains(t)) {
        int i = csv.column(t, column);
        csv.records().stream().filter(r -> i >= 0 && i < r.size()).forEach(r -> out.add(r.get(i)));
      }
    });
    return out;
  }

  private static boolean anyCsv(Predicate<LandingReader.Csv> p) {
    return CSV.values().stream().anyMatch(p);
  }

  private static boolean anyMatch(List<String> values, String regex) {
    Pattern p = Pattern.compile(regex);
    return values.stream().anyMatch(v -> p.matcher(v).matches());
  }

  @Test
  void csvFiles_comeWithAndWithoutBom_inBothDelimiters() {
    assertTrue(anyCsv(LandingReader.Csv::bom));
    assertTrue(anyCsv(c -> !c.bom()));
    assertTrue(anyCsv(c -> c.delimiter() == ';'));
    assertTrue(anyCsv(c -> c.delimiter() == ','));
  }

  @Test
  void headers_comeInOtherCase_withoutDiacritics_withSpaces_reordered_andWithAnExtraColumn() {
    boolean upper = false, plain = false, spaced = false, reordered = false, extra = false;
    for (var e : CSV.entrySet()) {
      List<ColumnContract> columns = TableContract.load("input", table(e.getKey())).columns();
      List<String> header = e.getValue().header();
      for (ColumnContract c : columns) {
        upper |= header.contains(c.header().toUpperCase(java.util.Locale.ROOT)) && !c.header().equals(c.header().toUpperCase(java.util.Locale.ROOT));
        plain |= header.contains(LandingReader.fold(c.header())) || header.contains(Spellings.withoutDiacritics(c.header())) && !c.header().equals(Spellings.withoutDiacritics(c.header()));
        spaced |= header.stream().anyMatch(h -> !h.equals(h.strip()) && h.strip().equals(c.header()));
      }
      reordered |= !LandingReader.fold(header.get(0)).equals(LandingReader.fold(columns.get(0).header()));
      extra |= header.contains(ExportWriter.EXTRA_HEADER);
    }
    assertTrue(upper, "upper-case header");
    assertTrue(plain, "header without diacritics");
    assertTrue(spaced, "header with surrounding spaces");
    assertTrue(reordered, "columns in another order");
    assertTrue(extra, "unknown extra column");
  }

  @Test
  void quotedFields_holdDelimiters_quotesAndNewlines() {
    List<String> organisations = values("organisation", "contest_registrations");
    assertTrue(organisations.stream().anyMatch(v -> v.contains("\n")));
    assertTrue(organisations.stream().anyMatch(v -> v.contains("\"")));
    assertTrue(organisations.stream().anyMatch(v -> v.contains(",")));
    assertTrue(organisations.stream().anyMatch(v -> v.contains(";")));
  }

  @Test
  void text_comesInNfd_andWithBothToneMarkPlacements() {
    List<String> names = values("full_name", "contest_registrations", "lms_enrolments");
    assertTrue(names.stream().anyMatch(v -> !Normalizer.isNormalized(v, Normalizer.Form.NFC)), "NFD name");
    assertTrue(names.stream().anyMatch(v -> v.contains("uỷ") || v.contains("oà")), "new-style tone mark");
    assertTrue(names.stream().anyMatch(v -> v.contains("ủy") || v.contains("òa")), "old-style tone mark");
  }

  @Test
  void wardFields_holdEveryVariant_asTheResolverSeesThem() {
    Set<String> written = new HashSet<>(values("ward", "contest_registrations", "lms_enrolments"));
    STATEMENTS.forEach(s -> s.path("context").path("extensions").fields().forEachRemaining(e -> {
      if (e.getKey().endsWith("/ward")) {
        written.add(e.getValue().asText());
      }
    }));
    WardFields fields = new WardFields(WardDirectory.load(), new QuirkPlan(new ExpectedLedger(Scale.SMALL, 0)));
    for (WardFields.Variant v : WardFields.Variant.values()) {
      assertTrue(fields.pool(v).stream().anyMatch(f -> written.contains(f.text())), v.name());
    }
  }

  @Test
  void targetGroupLabels_holdEveryVariant_includingUnknownLabels() {
    Set<String> written = new HashSet<>(values("target_group", "contest_registrations", "lms_enrolments"));
    TargetGroupFields fields = new TargetGroupFields(TargetGroupLabels.load(), new QuirkPlan(new ExpectedLedger(Scale.SMALL, 0)));
    for (TargetGroupFields.Variant v : TargetGroupFields.Variant.values()) {
      assertTrue(fields.pool(v).stream().anyMatch(f -> written.contains(f.text())), v.name());
    }
  }

  @Test
  void phonesAndCccds_comeInEveryFormat() {
    List<String> phones = values("phone", "contest_registrations", "lms_enrolments");
    for (String regex : List.of("0\\d{3} \\d{3} \\d{3}", "\\+84 \\d{3}\\.\\d{3}\\.\\d{3}", "84\\d{9}", "[1-9]\\d{8}",
        "016[2-9]\\d{7}", "0\\d{9}", "")) {
      assertTrue(anyMatch(phones, regex), regex);
    }
    List<String> cccds = values("cccd", "contest_registrations", "lms_enrolments");
    assertTrue(anyMatch(cccds, "0\\d{11}"), "12 digits");
    assertTrue(anyMatch(cccds, "[1-9]\\d{10}"), "lost its leading zero");
    assertTrue(anyMatch(cccds, ""), "empty");
  }

  @Test
  void datesTimestampsAndNumbers_comeInTheirExportSpellings() {
    List<String> registered = values("registered_at", "contest_registrations");
    assertTrue(anyMatch(registered, "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}"));
    assertTrue(anyMatch(registered, "\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}"));
    assertTrue(anyMatch(registered, "31/02/2025.*"), "impossible date");
    assertTrue(anyMatch(values("birth_date", "contest_registrations"), "\\d{2}/\\d{2}/\\d{4}"));
    List<String> progress = values("progress_pct", "lms_enrolments");
    assertTrue(anyMatch(progress, "\\d{1,3}"));
    assertTrue(anyMatch(progress, "\\d{1,3}%"));
    assertTrue(anyMatch(progress, "\\d{1,2},\\d"));
    assertTrue(anyMatch(values("avg_d_kbps", "telecom_speedtest"), "\\d+,\\d"));
    assertTrue(anyMatch(values("visits", "contest_visits"), "\\d{1,3}(\\.\\d{3})+"));
    assertTrue(anyMatch(values("status", "lms_enrolments"), "Chưa bắt đầu"));
    assertTrue(anyMatch(values("status", "lms_enrolments"), "Hoàn thành"));
  }

  @Test
  void statements_holdEveryXapiQuirk() {
    Set<String> verbs = new HashSet<>();
    Set<String> ids = new HashSet<>();
    Set<String> prefixes = new HashSet<>();
    boolean duplicate = false, vneid = false, platform = false, voided = false, crossing = false, certified = false;
    for (JsonNode s : STATEMENTS) {
      verbs.add(s.path("verb").path("id").asText().replaceAll(".*/", ""));
      duplicate |= !ids.add(s.path("id").asText());
      JsonNode account = s.path("actor").path("account");
      vneid |= account.path("homePage").asText().equals("https://vneid.gov.vn") && account.path("name").asText().matches("\\d{12}");
      platform |= account.path("homePage").asText().startsWith("https://mooc");
      voided |= s.path("object").path("objectType").asText().equals("StatementRef");
      crossing |= s.path("timestamp").asText().equals("2025-11-30T18:30:00Z");
      certified |= s.path("verb").path("id").asText().endsWith("/passed") && s.path("object").path("id").asText().endsWith("/MOOC-CDS-01");
      s.path("context").path("extensions").fieldNames().forEachRemaining(k -> prefixes.add(k.substring(0, k.lastIndexOf('/'))));
    }
    assertTrue(verbs.containsAll(List.of("registered", "launched", "progressed", "completed", "passed", "failed", "voided")), verbs.toString());
    assertTrue(duplicate, "statement re-exported");
    assertTrue(vneid && platform, "both actor kinds");
    assertTrue(voided, "voided statement");
    assertTrue(crossing, "UTC timestamp crossing the local month end");
    assertTrue(certified, "passed on the certification course");
    assertTrue(prefixes.size() >= 3, prefixes.toString());
    assertTrue(STATEMENT_FILES.stream().anyMatch(p -> p.endsWith(".gz")));
  }

  @Test
  void unitReports_areResubmittedLateAndHostile_inBothPeriodTypes() {
    Map<String, Integer> perUnitPeriod = new HashMap<>();
    boolean late = false;
    Set<String> types = new HashSet<>();
    List<String> notes = new ArrayList<>();
    for (JsonNode r : REPORTS) {
      perUnitPeriod.merge(r.path("unit_code").asText() + "|" + r.path("period").asText(), 1, Integer::sum);
      int day = Integer.parseInt(r.path("submitted_at").asText().substring(8, 10));
      late |= r.path("period_type").asText().equals("month") && day > 5;
      types.add(r.path("period_type").asText());
      notes.add(r.path("notes").asText());
    }
    assertTrue(perUnitPeriod.values().stream().anyMatch(n -> n > 1), "resubmitted");
    assertTrue(late, "late");
    assertTrue(types.containsAll(List.of("month", "quarter")));
    for (String hostile : List.of("<script>", "onerror=", "DROP TABLE", "\u202E", "\u200B")) {
      assertTrue(notes.stream().anyMatch(n -> n.contains(hostile)), hostile);
    }
    assertTrue(notes.stream().anyMatch(n -> n.length() > 3000), "very long note");
    JsonNode facts = GeneratedSample.expected().get("facts");
    assertTrue(facts.get("unit_reports_2025_11_received").asInt() < facts.get("unit_reports_2025_11_expected").asInt(), "missing");
  }
}
