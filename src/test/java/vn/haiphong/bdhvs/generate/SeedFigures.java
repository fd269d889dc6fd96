package vn.haiphong.bdhvs.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import vn.haiphong.bdhvs.identity.Cccd;
import vn.haiphong.bdhvs.identity.PhoneNumbers;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;

/**
 * The seed report's figures recomputed straight from a generated landing, following docs/specification.md §2/§4
 * with plain Java: nothing here reads the generator's bookkeeping.
 */
final class SeedFigures {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final int MAX_FIELD = 4096;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
  private final Path root;

  SeedFigures(Path root) {
    this.root = root;
  }

  /** Distinct persons with a kept registration up to {@code until} (local time). */
  long contestRegistrants(LocalDateTime until) {
    Set<String> persons = new HashSet<>();
    for (Path file : named("contest", "registrations.csv")) {
      LandingReader.Csv csv = LandingReader.csv(file);
      String t = "contest_registrations";
      int id = csv.column(t, "candidate_id");
      int at = csv.column(t, "registered_at");
      int cccd = csv.column(t, "cccd");
      int phone = csv.column(t, "phone");
      for (List<String> r : csv.records()) {
        if (!wellFormed(csv, r) || r.get(id).isBlank()) {
          continue;
        }
        LocalDateTime when;
        try {
          when = LocalDateTime.parse(r.get(at).strip(), TIMESTAMP);
        } catch (DateTimeParseException e) {
          continue;
        }
        if (!when.isAfter(until)) {
          persons.add(personKey(r.get(cccd), r.get(phone), "contest:" + r.get(id).strip()));
        }
      }
    }
    return persons.size();
  }

  /** Sum of the daily visit counters of a month; a later folder's value for a day replaces an earlier one. */
  long visits(YearMonth month) {
    return dailyVisits().entrySet().stream().filter(e -> YearMonth.from(e.getKey()).equals(month))
        .mapToLong(Map.Entry::getValue).sum();
  }

  /** The winning counter of every day that has one. */
  TreeMap<LocalDate, Long> dailyVisits() {
    TreeMap<LocalDate, Long> winning = new TreeMap<>();
    for (Path file : named("contest", "visits.csv")) {
      LandingReader.Csv csv = LandingReader.csv(file);
      int day = csv.column("contest_visits", "date");
      int visits = csv.column("contest_visits", "visits");
      for (List<String> r : csv.records()) {
        winning.put(LocalDate.parse(r.get(day).strip(), DATE), Long.parseLong(r.get(visits).strip().replace(".", "")));
      }
    }
    return winning;
  }

  /** The earliest and the latest time of a kept registration. */
  List<LocalDateTime> registrationSpan() {
    TreeSet<LocalDateTime> times = new TreeSet<>();
    for (Path file : named("contest", "registrations.csv")) {
      LandingReader.Csv csv = LandingReader.csv(file);
      int id = csv.column("contest_registrations", "candidate_id");
      int at = csv.column("contest_registrations", "registered_at");
      for (List<String> r : csv.records()) {
        if (wellFormed(csv, r) && !r.get(id).isBlank()) {
          try {
            times.add(LocalDateTime.parse(r.get(at).strip(), TIMESTAMP));
          } catch (DateTimeParseException e) {
            // rejected row
          }
        }
      }
    }
    return List.of(times.first(), times.last());
  }

  /** Title per course code in the latest catalog delivery. */
  Map<String, String> catalogTitles() {
    List<Path> files = named("course/catalog", "courses.csv");
    LandingReader.Csv csv = LandingReader.csv(files.get(files.size() - 1));
    Map<String, String> titles = new TreeMap<>();
    for (List<String> r : csv.records()) {
      titles.put(r.get(csv.column("course_catalog", "course_code")).strip(), r.get(csv.column("course_catalog", "title")).strip());
    }
    return titles;
  }

  /** Per class code, the share of its rows in a snapshot whose target-group label resolves to one of {@code groups}. */
  double lmsShareOfGroups(LocalDate snapshotDay, String classCode, Set<String> groups) {
    LandingReader.Csv csv = LandingReader.csv(root.resolve("course/city-lms/" + snapshotDay + "/enrolments.csv"));
    TargetGroupLabels labels = TargetGroupLabels.load();
    int code = csv.column("lms_enrolments", "class_code");
    int group = csv.column("lms_enrolments", "target_group");
    long all = 0;
    long in = 0;
    for (List<String> r : csv.records()) {
      if (wellFormed(csv, r) && r.get(code).strip().equals(classCode)) {
        all++;
        in += groups.contains(labels.resolve(r.get(group)).code()) ? 1 : 0;
      }
    }
    return (double) in / all;
  }

  /**
   * The national MOOC up to the end of {@code lastDay} (local time): distinct persons registered,
   * with a completed course, certified on VNeID (passed a course whose catalog row certifies).
   * Statements count once by id; voided ones not at all; a gzip cut short is skipped (its
   * statements come again the next day); broken lines are skipped.
   */
  long[] moocFunnel(LocalDate lastDay, Set<String> certifyingCourses) {
    Map<String, JsonNode> statements = new LinkedHashMap<>();
    Set<String> voided = new HashSet<>();
    for (Path file : LandingReader.files(root.resolve("course/national-mooc"))) {
      String text;
      try {
        byte[] bytes = Files.readAllBytes(file);
        text = new String(file.toString().endsWith(".gz") ? SyntheticLandingTest.gunzip(bytes) : bytes, StandardCharsets.UTF_8);
      } catch (IOException truncated) {
        continue;
      }
      for (String line : text.lines().toList()) {
        JsonNode s;
        try {
          s = JSON.readTree(line);
        } catch (IOException broken) {
          continue;
        }
        if (s == null || !s.hasNonNull("actor") || !s.hasNonNull("verb") || !s.hasNonNull("id")) {
          continue;
        }
        String verb = s.at("/verb/id").asText();
        if (verb.endsWith("/voided")) {
          voided.add(s.at("/object/id").asText());
        }
        statements.putIfAbsent(s.get("id").asText(), s);
      }
    }
    Set<String> registered = new HashSet<>();
    Set<String> completed = new HashSet<>();
    Set<String> certified = new HashSet<>();
    for (JsonNode s : statements.values()) {
      String id = s.get("id").asText();
      LocalDate day = OffsetDateTime.parse(s.get("timestamp").asText()).atZoneSameInstant(LOCAL).toLocalDate();
      if (voided.contains(id) || day.isAfter(lastDay)) {
        continue;
      }
      String verb = s.at("/verb/id").asText();
      verb = verb.substring(verb.lastIndexOf('/') + 1);
      String name = s.at("/actor/account/name").asText();
      String person = s.at("/actor/account/homePage").asText().equals("https://vneid.gov.vn")
          ? personKey(name, "", "national-mooc:" + name) : "national-mooc:" + name;
      String object = s.at("/object/id").asText();
      String course = object.substring(object.lastIndexOf('/') + 1);
      switch (verb) {
        case "registered" -> registered.add(person);
        case "completed" -> completed.add(person);
        case "passed" -> {
          if (certifyingCourses.contains(course)) {
            certified.add(person);
          }
        }
        default -> { }
      }
    }
    return new long[] {registered.size(), completed.size(), certified.size()};
  }

  /** One operator's row of a month: its ward, 4G coverage, fibre. */
  record OperatorCell(String operator, String ward, BigDecimal coverage4g, BigDecimal fibreKm) {
  }

  /** The operators' rows of a month; a later delivery of an operator's month replaces the earlier one. */
  List<OperatorCell> operatorCells(YearMonth month) {
    String wanted = month.format(DateTimeFormatter.ofPattern("MM/yyyy"));
    Map<String, List<OperatorCell>> byOperator = new TreeMap<>();
    String t = "telecom_operator";
    for (Path file : LandingReader.files(root.resolve("telecom"))) {
      if (!file.getFileName().toString().startsWith("operator-")) {
        continue;
      }
      LandingReader.Csv csv = LandingReader.csv(file);
      List<OperatorCell> cells = new ArrayList<>();
      for (List<String> r : csv.records()) {
        if (r.get(csv.column(t, "month")).strip().equals(wanted)) {
          cells.add(new OperatorCell(r.get(csv.column(t, "operator")).strip(), r.get(csv.column(t, "ward_code")).strip(),
              decimal(r.get(csv.column(t, "coverage_4g_pct"))), decimal(r.get(csv.column(t, "fiber_km")))));
        }
      }
      if (!cells.isEmpty()) {
        byOperator.put(file.getFileName().toString(), cells); // files come in folder order: the later delivery wins
      }
    }
    return byOperator.values().stream().flatMap(List::stream).toList();
  }

  private static BigDecimal decimal(String text) {
    return new BigDecimal(text.strip().replace(',', '.'));
  }

  /**
   * The current unit reports (the latest submitted_at per unit × period type × period) of the
   * documents that parse, keyed {@code unit|period_type|period}.
   */
  Map<String, JsonNode> currentUnitReports() {
    Map<String, JsonNode> current = new TreeMap<>();
    for (Path file : LandingReader.files(root.resolve("unit-reports"))) {
      JsonNode doc;
      try {
        doc = JSON.readTree(file.toFile());
      } catch (IOException broken) {
        continue;
      }
      String key = doc.get("unit_code").asText() + "|" + doc.get("period_type").asText() + "|" + doc.get("period").asText();
      JsonNode earlier = current.get(key);
      if (earlier == null || OffsetDateTime.parse(doc.get("submitted_at").asText())
          .isAfter(OffsetDateTime.parse(earlier.get("submitted_at").asText()))) {
        current.put(key, doc);
      }
    }
    return current;
  }

  /** A metric's value in a report document, or null when the document does not carry it. */
  static Long metric(JsonNode doc, String code) {
    for (JsonNode m : doc.get("metrics")) {
      if (m.get("code").asText().equals(code)) {
        return m.get("value").asLong();
      }
    }
    return null;
  }

  /** Distinct persons per class code in the latest city-lms snapshot on or before {@code asOf}. */
  Map<String, Integer> lmsClassLearners(LocalDate asOf) {
    Path snapshot = null;
    for (Path file : LandingReader.files(root.resolve("course/city-lms"))) {
      LocalDate day = LocalDate.parse(file.getParent().getFileName().toString());
      if (!day.isAfter(asOf)) {
        snapshot = file;
      }
    }
    LandingReader.Csv csv = LandingReader.csv(snapshot);
    String t = "lms_enrolments";
    int id = csv.column(t, "learner_id");
    int code = csv.column(t, "class_code");
    int enrolled = csv.column(t, "enrolled_on");
    int cccd = csv.column(t, "cccd");
    int phone = csv.column(t, "phone");
    Map<String, Set<String>> persons = new TreeMap<>();
    for (List<String> r : csv.records()) {
      if (!wellFormed(csv, r) || r.get(id).isBlank() || r.get(code).isBlank()) {
        continue;
      }
      try {
        LocalDate.parse(r.get(enrolled).strip(), DATE);
      } catch (DateTimeParseException e) {
        continue;
      }
      persons.computeIfAbsent(r.get(code).strip().toUpperCase(Locale.ROOT), c -> new HashSet<>())
          .add(personKey(r.get(cccd), r.get(phone), "city-lms:" + r.get(id).strip()));
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    persons.forEach((c, set) -> out.put(c, set.size()));
    return out;
  }

  /** Stations at the end of a month {4G, 5G}, summed over operators; later folders replace an operator's month. */
  long[] stations(YearMonth month) {
    Map<String, long[]> byOperatorMonth = new TreeMap<>();
    for (Path file : LandingReader.files(root.resolve("telecom"))) {
      if (!file.getFileName().toString().startsWith("operator-")) {
        continue;
      }
      LandingReader.Csv csv = LandingReader.csv(file);
      String t = "telecom_operator";
      Map<String, long[]> inFile = new TreeMap<>();
      for (List<String> r : csv.records()) {
        String key = file.getFileName() + "|" + r.get(csv.column(t, "month")).strip();
        long[] sum = inFile.computeIfAbsent(key, k -> new long[2]);
        sum[0] += Long.parseLong(r.get(csv.column(t, "bts_4g")).strip());
        sum[1] += Long.parseLong(r.get(csv.column(t, "bts_5g")).strip());
      }
      byOperatorMonth.putAll(inFile); // files come in folder order: the later delivery wins
    }
    String wanted = month.format(DateTimeFormatter.ofPattern("MM/yyyy"));
    long[] total = new long[2];
    byOperatorMonth.forEach((key, sum) -> {
      if (key.endsWith("|" + wanted)) {
        total[0] += sum[0];
        total[1] += sum[1];
      }
    });
    return total;
  }

  /** Test-weighted mean speed in Mbps (2 decimals) of a month and network type. */
  BigDecimal speedMbps(YearMonth month, String networkType, boolean download) {
    LandingReader.Csv csv = LandingReader.csv(root.resolve("telecom/" + month + "/speedtest.csv"));
    String t = "telecom_speedtest";
    BigDecimal weighted = BigDecimal.ZERO;
    long tests = 0;
    for (List<String> r : csv.records()) {
      if (!r.get(csv.column(t, "network_type")).strip().equals(networkType)) {
        continue;
      }
      long n = Long.parseLong(r.get(csv.column(t, "tests")).strip());
      BigDecimal kbps = new BigDecimal(r.get(csv.column(t, download ? "avg_d_kbps" : "avg_u_kbps")).strip().replace(',', '.'));
      weighted = weighted.add(kbps.multiply(BigDecimal.valueOf(n)));
      tests += n;
    }
    return weighted.divide(BigDecimal.valueOf(tests).multiply(BigDecimal.valueOf(1000)), 2, RoundingMode.HALF_UP);
  }

  /** The files of that name under a folder, in folder (delivery) order. */
  private List<Path> named(String folder, String fileName) {
    return LandingReader.files(root.resolve(folder)).stream()
        .filter(f -> f.getFileName().toString().equals(fileName)).toList();
  }

  private static boolean wellFormed(LandingReader.Csv csv, List<String> r) {
    return r.size() == csv.header().size() && r.stream().allMatch(v -> v.length() <= MAX_FIELD);
  }

  private static String personKey(String cccd, String phone, String platformKey) {
    return Cccd.normalize(cccd).map(c -> "cccd:" + c)
        .or(() -> PhoneNumbers.normalize(phone).map(p -> "phone:" + p))
        .orElse(platformKey);
  }
}
