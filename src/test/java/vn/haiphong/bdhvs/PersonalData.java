package vn.haiphong.bdhvs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.identity.Cccd;
import vn.haiphong.bdhvs.identity.PhoneNumbers;
import vn.haiphong.bdhvs.ingest.CsvExport;
import vn.haiphong.bdhvs.ingest.CsvRecord;
import vn.haiphong.bdhvs.ingest.FileRejected;
import vn.haiphong.bdhvs.landing.Landing;

/**
 * Every personal value planted in a landing folder, read through the input contracts' {@code pii}
 * flags and, in xAPI statements (plain or gzipped), every actor name and e-mail (even on a line cut
 * short), and a
 * search for them in output text. Numbers are matched as whole tokens, so a phone
 * number cannot be "found" inside an HMAC's hex digits; names as NFC substrings.
 */
public final class PersonalData {
  private static final Pattern ACTOR_FIELD = Pattern.compile("\"(name|mbox)\"\\s*:\\s*\"([^\"]+)\"");
  private final Set<String> names = new TreeSet<>();
  private final Set<String> numbers = new TreeSet<>();
  private static final int PREFIX = 3;
  private Map<String, List<String>> byPrefix;

  private PersonalData() {}

  /**
   * The personal values of every file of {@code landing} whose table (by the landing's layout rules)
   * has a {@code pii} column in its input contract: a new source with personal columns is searched
   * without a change here, for the columns {@link #add} knows how to match.
   */
  public static PersonalData collect(Path landing) {
    PersonalData pii = new PersonalData();
    try (Stream<Path> files = Files.walk(landing)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Optional<Landing.Slot> slot = Landing.slotOf(landing.relativize(p).toString());
        TableContract contract = slot.map(s -> TableContract.load("input", s.table())).orElse(null);
        if (contract == null || contract.columns().stream().noneMatch(ColumnContract::pii)) {
          continue;
        }
        if (contract.format().equals("jsonl")) {
          pii.fromStatements(p.toString().endsWith(".gz") ? gunzipped(p) : Files.readAllBytes(p));
        } else if (contract.format().equals("csv")) {
          pii.fromCsv(p, contract);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pii;
  }

  public int size() {
    return names.size() + numbers.size();
  }

  /** The personal values found in {@code text}, for an assertion message. */
  public List<String> findIn(String text) {
    List<String> hits = new ArrayList<>();
    String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
    for (String token : nfc.split("[^0-9A-Za-z+]+")) {
      if (numbers.contains(token)) {
        hits.add(token);
      }
    }
    Set<String> found = new TreeSet<>();
    for (int i = 0; i + PREFIX <= nfc.length(); i++) {
      for (String n : byPrefix().getOrDefault(nfc.substring(i, i + PREFIX), List.of())) {
        if (nfc.startsWith(n, i)) {
          found.add(n);
        }
      }
    }
    byPrefix().getOrDefault("", List.of()).stream().filter(nfc::contains).forEach(found::add);
    hits.addAll(found);
    return hits;
  }

  /**
   * The names by their first characters: a scan of every row of a warehouse for thousands of names, one
   * {@code contains} each, took most of a test's time; every name is longer than the prefix (two words, an
   * e-mail, a date); a shorter one (key "") is looked for whole.
   */
  private Map<String, List<String>> byPrefix() {
    if (byPrefix == null) {
      Map<String, List<String>> index = new HashMap<>();
      for (String n : names) {
        index.computeIfAbsent(n.length() < PREFIX ? "" : n.substring(0, PREFIX), k -> new ArrayList<>()).add(n);
      }
      byPrefix = index;
    }
    return byPrefix;
  }

  private void fromCsv(Path file, TableContract contract) throws IOException {
    CsvExport export;
    try {
      export = CsvExport.open(Files.readAllBytes(file), contract);
    } catch (FileRejected e) {
      return;
    }
    for (Iterator<CsvRecord> it = export.records(); it.hasNext(); ) {
      CsvRecord r = it.next();
      for (ColumnContract c : contract.columns()) {
        if (c.pii()) {
          add(c.name(), r.get(c.name()));
        }
      }
    }
  }

  /** What a gzip file holds, as far as it can be read (a planted one is cut short). */
  private static byte[] gunzipped(Path file) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.io.InputStream in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
      in.transferTo(out);
    } catch (java.io.EOFException | java.util.zip.ZipException e) {
      // cut short or not gzip: what was read so far is what a parser could have seen
    }
    return out.toByteArray();
  }

  private void fromStatements(byte[] content) {
    ObjectMapper json = new ObjectMapper();
    // Planted broken files may not be UTF-8: decode leniently, this is only a search list.
    for (String line : new String(content, java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
      // An actor's name and e-mail, read from the text: a line cut short holds them too.
      Matcher m = ACTOR_FIELD.matcher(line);
      while (m.find()) {
        if (m.group(1).equals("mbox")) {
          add("email", m.group(2).replaceFirst("^mailto:", ""));
        } else {
          add("full_name", m.group(2));
          add("cccd", m.group(2));
        }
      }
      try {
        JsonNode account = json.readTree(line).path("actor").path("account");
        if (account.path("homePage").asText().contains("vneid")) {
          add("cccd", account.path("name").asText());
        }
      } catch (IOException e) {
        // malformed lines are planted on purpose; they hold no personal value to look for
      }
    }
  }

  private void add(String column, String value) {
    byPrefix = null;
    if (value == null || value.isBlank()) {
      return;
    }
    switch (column) {
      case "full_name" -> {
        if (value.trim().contains(" ")) {
          names.add(Normalizer.normalize(value.trim(), Normalizer.Form.NFC));
        }
      }
      case "cccd" -> Cccd.normalize(value).ifPresent(numbers::add);
      case "cmnd" -> {
        String digits = value.replaceAll("[^0-9]", "");
        if (digits.length() >= 9) {
          numbers.add(digits);
        }
      }
      case "email" -> names.add(Normalizer.normalize(value.trim(), Normalizer.Form.NFC));
      case "phone" -> PhoneNumbers.normalize(value).ifPresent(p -> {
        numbers.add(p);
        numbers.add("0" + p.substring(3));
        numbers.add(p.substring(1));
      });
      case "birth_date" -> {
        try {
          LocalDate d = vn.haiphong.bdhvs.ingest.ExportValues.date(value);
          numbers.add(d.toString().replace("-", ""));
          names.add(d.toString());
          names.add(value.trim());
        } catch (IllegalArgumentException e) {
          // an unreadable birth date is not kept anywhere
        }
      }
      default -> { }
    }
  }
}
