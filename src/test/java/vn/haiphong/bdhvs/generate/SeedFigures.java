package vn.haiphong.bdhvs.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.haiphong.bdhvs.identity.Cccd;
import vn.haiphong.bdhvs.identity.PhoneNumbers;

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
    TreeMap<LocalDate, Long> winning = new TreeMap<>();
    for (Path file : named("contest", "visits.csv")) {
      LandingReader.Csv csv = LandingReader.csv(file);
      int day = csv.column("contest_visits", "date");
      int visits = csv.column("contest_visits", "visits");
      for (List<String> r : csv.records()) {
        winning.put(LocalDate.parse(r.get(day).strip(), DATE), Long.parseLong(r.get(visits).strip().replace(".", "")));
      }
    }
    return winning.entrySet().stream().filter(e -> YearMonth.from(e.getKey()).equals(month))
        .mapToLong(Map.Entry::getValue).sum();
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
