package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Assertions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.GeneratedRun;
import vn.haiphong.bdhvs.PersonalData;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.identity.LinkedRecords;
import vn.haiphong.bdhvs.runtime.PipelineRun;

/**
 * The generated small sample, ingested, reconciled against what the generator knows by
 * construction ({@code _generated/expected.json}): every file's rows, rejects and flags, and the
 * facts that the staged tables must reproduce.
 */
@Order(6)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedSampleIngestTest extends SharedSpark {
  private JsonNode expected;
  private JsonNode manifest;
  private final Map<String, JsonNode> manifestFiles = new TreeMap<>();
  private Path warehouse;
  private PersonalData personalData;
  private String log;

  /** The shared small-sample run (the same seed this class would generate), with the log it printed. */
  @BeforeAll
  void ingestSample() throws Exception {
    runBefore();
    GeneratedRun run = SmallSampleRun.get(spark());
    ObjectMapper json = new ObjectMapper();
    expected = run.expected();
    warehouse = run.warehouse();
    personalData = PersonalData.collect(run.landing());
    log = run.console();
    PipelineRun.Outcome outcome = run.outcome();
    manifest = json.readTree(Path.of(outcome.manifestPath()).toFile());
    for (JsonNode source : manifest.get("sources")) {
      for (JsonNode f : source.get("files")) {
        manifestFiles.put(f.get("path").asText(), f);
      }
    }
    for (String table : new String[] {"contest_registrations", "contest_visits", "lms_enrolment_history",
        "mooc_statements", "telecom_operator", "telecom_speedtest", "unit_reports"}) {
      spark().read().parquet(warehouse.resolve("staged/" + table).toString()).createOrReplaceTempView(table);
    }
    spark().read().parquet(warehouse.resolve("rejects/*").toString()).createOrReplaceTempView("rejects");
  }

  private long fact(String name) {
    JsonNode v = expected.at("/facts/" + name);
    Assertions.assertTrue(v.isNumber(), "the generator states " + name);
    return v.asLong();
  }

  private Row sql(String query) {
    return spark().sql(query).first();
  }

  /**
   * The persons only the linkage joins or keeps apart (planted in December's city-lms snapshots): the linked
   * persons are the generator's true learners, which the record keys alone would not (two accounts of one person count twice,
   * a village's phone makes its learners one), and the ambiguous phones are the ones planted.
   */
  @Test
  void linkage_countsTheLearnersAsTheyAre() {
    spark().read().parquet(warehouse.resolve("staged/person_links").toString()).createOrReplaceTempView("person_links");
    long learners = fact("lms_learner_persons");
    // December is not complete at the run date, so its cube cell is null: the cube's rule (identity/linked_records.sql) over the staged rows.
    assertEquals(learners, sql("SELECT count(DISTINCT coalesce(l.person_key, h.person_key)) FROM lms_enrolment_history h"
        + " LEFT JOIN person_links l ON l.identifier_hash = h.learner_key AND l.identifier_type = 'account'").getLong(0));
    long villageSize = vn.haiphong.bdhvs.linkage.PersonLinkage.Rules.DEFAULTS.maxAccounts() + 1;
    assertEquals(learners + fact("linkage_accounts_joined") - (villageSize - 1) * fact("linkage_village_phones"),
        sql("SELECT count(DISTINCT person_key) FROM lms_enrolment_history").getLong(0), "record keys alone");
    assertEquals(fact("linkage_family_phones"),
        sql("SELECT count(*) FROM person_links WHERE ambiguous_because = 'several_cccd'").getLong(0));
    assertEquals(fact("linkage_village_phones"),
        sql("SELECT count(*) FROM person_links WHERE ambiguous_because = 'too_many_accounts'").getLong(0));
    assertEquals(0, sql("SELECT count(*) FROM person_links WHERE ambiguous_because = 'joins_cccds'").getLong(0));
    Assertions.assertTrue(manifest.at("/sources/linkage/counts/persons").asLong() > learners, "the manifest counts persons");
  }

  /**
   * Contest registrants planted on the city LMS (by their phone alone) and on the MOOC (by VNeID): by the
   * cubes' rule (identity/linked_records.sql) they are one person each, in exactly the sources planted, and
   * nobody else spans sources.
   */
  @Test
  void linkage_followsPersonsAcrossSources() {
    for (String table : LinkedRecords.ACCOUNTS.keySet()) {
      spark().table(table).createOrReplaceTempView("staged_" + table);
    }
    spark().read().parquet(warehouse.resolve("staged/person_links").toString()).createOrReplaceTempView("staged_person_links");
    String records = LinkedRecords.ACCOUNTS.keySet().stream()
        .map(t -> "SELECT '" + t + "' AS source, linked_person_key FROM (" + LinkedRecords.sql(t) + ")")
        .collect(Collectors.joining(" UNION ALL "));
    Map<Long, Long> personsBySources = new TreeMap<>();
    for (Row r : spark().sql("SELECT sources, count(*) FROM (SELECT linked_person_key, count(DISTINCT source) AS sources FROM ("
        + records + ") GROUP BY linked_person_key) WHERE sources > 1 GROUP BY sources").collectAsList()) {
      personsBySources.put(r.getLong(0), r.getLong(1));
    }
    assertEquals(Map.of(2L, fact("linkage_persons_in_two_sources"), 3L, fact("linkage_persons_in_three_sources")),
        personsBySources);
  }

  @Test
  void everyGeneratedFileIsAccountedFor() {
    TreeSet<String> generated = new TreeSet<>();
    expected.get("files").forEach(f -> generated.add(f.get("path").asText()));
    TreeSet<String> missing = new TreeSet<>(generated);
    missing.removeAll(manifestFiles.keySet());
    TreeSet<String> extra = new TreeSet<>(manifestFiles.keySet());
    extra.removeAll(generated);
    assertEquals(List.of(), List.copyOf(missing), "generated but not in the manifest");
    assertEquals(List.of(), List.copyOf(extra), "in the manifest but not generated");
  }

  @Test
  void everyFile_rowsReadEqualAcceptedPlusRejected() {
    manifestFiles.forEach((path, f) -> assertEquals(f.get("rows_read").asLong(),
        f.get("rows_accepted").asLong() + f.get("rows_rejected").asLong(), path));
  }

  @Test
  void everyFile_countsMatchTheGenerator() {
    for (JsonNode e : expected.get("files")) {
      String path = e.get("path").asText();
      JsonNode got = manifestFiles.get(path);
      String fileReject = e.get("file_reject").isNull() ? null : e.get("file_reject").asText();
      assertEquals(fileReject, got.has("file_rejected") ? got.get("file_rejected").asText() : null, path);
      assertEquals(e.get("rows_accepted").asLong(), got.get("rows_accepted").asLong(), path);
      // A truncated gzip cannot tell how many lines it held: only what was recovered is counted.
      if (!"file_corrupt".equals(fileReject)) {
        assertEquals(e.get("rows").asLong(), got.get("rows_read").asLong(), path);
      }
    }
  }

  @Test
  void everyFile_rejectReasonsMatchTheGenerator() {
    Map<String, Map<String, Long>> got = new HashMap<>();
    for (Row r : spark().sql("SELECT file, reason_code, count(*) FROM rejects WHERE line IS NOT NULL "
        + "GROUP BY file, reason_code").collectAsList()) {
      got.computeIfAbsent(r.getString(0), k -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
    }
    for (JsonNode e : expected.get("files")) {
      Map<String, Long> want = new TreeMap<>();
      e.get("rejected_by_reason").fields().forEachRemaining(x -> want.put(x.getKey(), x.getValue().asLong()));
      String path = e.get("path").asText();
      if (e.get("file_reject").isNull()) {
        assertEquals(want, got.getOrDefault(path, Map.of()), path);
      }
    }
  }

  @Test
  void everyFile_qualityFlagsMatchTheGenerator() {
    for (JsonNode e : expected.get("files")) {
      Map<String, Long> want = new TreeMap<>();
      e.get("flags").fields().forEachRemaining(x -> want.put(x.getKey(), x.getValue().asLong()));
      Map<String, Long> got = new TreeMap<>();
      JsonNode flags = manifestFiles.get(e.get("path").asText()).get("quality_flags");
      if (flags != null) {
        flags.fields().forEachRemaining(x -> got.put(x.getKey(), x.getValue().asLong()));
      }
      assertEquals(want, got, e.get("path").asText());
    }
  }

  /** Every flag the sample's records carry is one their table's contract declares (and so describes). */
  @Test
  void everyQualityFlag_isDeclaredByItsTable() {
    for (vn.haiphong.bdhvs.contract.TableContract t : vn.haiphong.bdhvs.contract.TableContract.all()) {
      java.util.Optional<vn.haiphong.bdhvs.contract.ColumnContract> flags = t.column("quality_flags");
      if (!t.kind().equals("staged") || flags.isEmpty()) {
        continue;
      }
      List<String> found = spark().read().parquet(warehouse.resolve("staged").resolve(t.table()).toString())
          .selectExpr("explode(quality_flags) AS f").selectExpr("substring_index(f, ':', 1) AS f").distinct()
          .as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
      Assertions.assertTrue(flags.get().flags().containsAll(found), t.table() + " carries " + found
          + ", declares " + flags.get().flags());
    }
  }

  @Test
  void contest_distinctRegistrantsAndVisitsOfNovember() {
    assertEquals(fact("contest_registrants_2025_11"), sql("SELECT count(DISTINCT person_key) "
        + "FROM contest_registrations WHERE registered_date <= DATE'2025-11-30'").getLong(0));
    long accepted = 0;
    long read = 0;
    for (JsonNode f : expected.get("files")) {
      if (f.get("table").asText().equals("contest_registrations")) {
        accepted += f.get("rows_accepted").asLong();
        read += f.get("rows").asLong();
      }
    }
    assertEquals(fact("contest_registration_rows"), read);
    assertEquals(accepted, sql("SELECT count(*) FROM contest_registrations").getLong(0));
    assertEquals(fact("contest_visits_2025_11"), sql("SELECT sum(visits) FROM contest_visits "
        + "WHERE date BETWEEN DATE'2025-11-01' AND DATE'2025-11-30'").getLong(0));
  }

  @Test
  void lms_classLearnersAtTheNovemberSnapshot() {
    String snapshot = expected.at("/facts/lms_snapshot_2025_11").asText().split("/")[2];
    for (String code : new String[] {"HP-KNS-01", "HP-CDS-02", "HP-DVC-03", "HP-KNS-04"}) {
      assertEquals(fact("lms_class_learners_2025_11_" + code), sql(
          "SELECT count(DISTINCT person_key) FROM lms_enrolment_history WHERE class_code = '" + code
              + "' AND valid_from <= DATE'" + snapshot + "' AND (valid_to IS NULL OR valid_to > DATE'" + snapshot + "')")
          .getLong(0), code);
    }
  }

  @Test
  void mooc_registeredCertifiedAndVoided() {
    assertEquals(fact("mooc_statements_voided"), sql("SELECT count(*) FROM mooc_statements WHERE is_voided").getLong(0));
    assertEquals(fact("mooc_learners_registered_2025_11"), sql("SELECT count(DISTINCT person_key) FROM mooc_statements "
        + "WHERE verb = 'registered' AND NOT is_voided AND local_date <= DATE'2025-11-30'").getLong(0));
    assertEquals(fact("vneid_certified_2025_11"), sql("SELECT count(DISTINCT person_key) FROM mooc_statements "
        + "WHERE certifies AND NOT is_voided AND local_date <= DATE'2025-11-30'").getLong(0));
  }

  @Test
  void telecom_stationsAndTestWeightedSpeeds() {
    for (String month : new String[] {"2025_09", "2025_10", "2025_11"}) {
      Row bts = sql("SELECT sum(bts_4g), sum(bts_5g) FROM telecom_operator WHERE month = '" + month.replace('_', '-') + "'");
      assertEquals(fact("bts_4g_" + month), bts.getLong(0), month);
      assertEquals(fact("bts_5g_" + month), bts.getLong(1), month);
      for (String net : new String[] {"fixed", "mobile"}) {
        Row speed = sql("SELECT round(sum(avg_d_kbps * tests) / sum(tests) / 1000, 2), "
            + "round(sum(avg_u_kbps * tests) / sum(tests) / 1000, 2) FROM telecom_speedtest "
            + "WHERE network_type = '" + net + "' AND month = '" + month.replace('_', '-') + "'");
        assertEquals(expected.at("/facts/" + net + "_" + month + "_down_mbps").asDouble(), speed.getDouble(0), 1e-9);
        assertEquals(expected.at("/facts/" + net + "_" + month + "_up_mbps").asDouble(), speed.getDouble(1), 1e-9);
      }
    }
  }

  @Test
  void unitReports_receivedAndOnTimePerPeriod() {
    for (String period : new String[] {"2025-09", "2025-10", "2025-11", "2025-Q3"}) {
      Row r = sql("SELECT count(*), count_if(on_time) FROM (SELECT unit_code, bool_or(on_time) AS on_time "
          + "FROM unit_reports WHERE period = '" + period + "' AND unit_kind IS NOT NULL GROUP BY unit_code)");
      String key = "unit_reports_" + period.replace('-', '_');
      assertEquals(fact(key + "_received"), r.getLong(0), period);
      assertEquals(fact(key + "_on_time"), r.getLong(1), period);
    }
  }

  @Test
  void privacy_noPersonalValueInAnyParquetString() throws Exception {
    Assertions.assertTrue(personalData.size() > 1000, "the sample plants personal data to look for");
    List<Path> tables;
    try (var dirs = Files.walk(warehouse)) {
      tables = dirs.filter(p -> p.getFileName().toString().endsWith(".parquet"))
          .map(Path::getParent).distinct().toList();
    }
    Assertions.assertTrue(tables.size() >= 12, "staged tables and rejects were written");
    for (String linkage : new String[] {"person_links", "person_key_merges"}) {
      Assertions.assertTrue(tables.stream().anyMatch(t -> t.endsWith(Path.of("staged", linkage))), linkage + " is scanned");
    }
    for (Path table : tables) {
      Dataset<Row> df = spark().read().parquet(table.toString());
      Column[] text = java.util.Arrays.stream(df.schema().fields())
          .filter(f -> !f.dataType().sameType(DataTypes.TimestampType) && !f.dataType().sameType(DataTypes.DateType))
          .map(f -> col(f.name()).cast("string")).toArray(Column[]::new);
      for (Row r : df.select(concat_ws("|", text)).collectAsList()) {
        assertEquals(List.of(), personalData.findIn(r.getString(0)), table.toString());
      }
    }
  }

  @Test
  void privacy_noPersonalValueInManifestsOrLogs() throws Exception {
    Assertions.assertTrue(log.contains("contest_registrations"), "the run's log was captured");
    assertEquals(List.of(), personalData.findIn(log), "log");
    try (var runs = Files.list(warehouse.resolve("runs"))) {
      for (Path manifestFile : runs.filter(p -> p.toString().endsWith(".json")).toList()) {
        assertEquals(List.of(), personalData.findIn(Files.readString(manifestFile)), manifestFile.toString());
      }
    }
  }
}
