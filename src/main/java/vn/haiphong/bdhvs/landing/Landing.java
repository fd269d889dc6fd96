package vn.haiphong.bdhvs.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import vn.haiphong.bdhvs.errors.UserError;

/**
 * The landing root (docs/specification.md §2): every delivery lands untouched under a fixed layout. Listing it
 * classifies each file by the table it feeds; a file that fits no rule, and an entry that is not a
 * readable regular file ({@link LandingEntries}), is still listed, as {@code unexpected}, so it
 * ends in rejects instead of being silently skipped.
 */
public final class Landing {
  public static final String UNEXPECTED = "unexpected";

  private static final String DAY = "(\\d{4}-\\d{2}-\\d{2})";
  private static final String MONTH = "(\\d{4}-\\d{2})";
  private static final List<Rule> RULES = List.of(
      new Rule("course", "lms_enrolments", "course/city-lms/" + DAY + "/enrolments\\.csv"),
      new Rule("course", "mooc_statements", "course/national-mooc/" + DAY + "/statements\\.jsonl(\\.gz)?"),
      new Rule("course", "course_catalog", "course/catalog/" + DAY + "/courses\\.csv"),
      new Rule("contest", "contest_registrations", "contest/" + DAY + "/registrations\\.csv"),
      new Rule("contest", "contest_submissions", "contest/" + DAY + "/submissions\\.csv"),
      new Rule("contest", "contest_visits", "contest/" + DAY + "/visits\\.csv"),
      new Rule("telecom", "telecom_operator", "telecom/" + MONTH + "/operator-[^/]+\\.csv"),
      new Rule("telecom", "telecom_speedtest", "telecom/" + MONTH + "/speedtest\\.csv"),
      new Rule("unit-reports", "unit_reports", "unit-reports/" + DAY + "/[^/]+\\.json"),
      new Rule("unit-reports", "unit_report_approvals", "unit-reports/approvals/" + DAY + "/approvals\\.csv"));
  public static final List<String> SOURCES = List.of("course", "contest", "telecom", "unit-reports");

  private final String root;
  private final List<Delivery> deliveries;
  private final long filesHashed;

  private Landing(String root, List<Delivery> deliveries, long filesHashed) {
    this.root = root;
    this.deliveries = deliveries;
    this.filesHashed = filesHashed;
  }

  /**
   * The SHA-256 of a file the warehouse already holds, when the scan may take it without reading the
   * file again: same path, size and modification time as when it was hashed. A rewrite that keeps
   * both (a same-size copy with its time preserved, {@code cp -p}, {@code rsync -t}) is not seen
   * then; a run with {@code --verify} ({@link #EVERY_FILE}) hashes every file again.
   */
  @FunctionalInterface
  public interface HeldFiles {
    Optional<String> sha256(String path, long bytes, String modified);
  }

  /** Hash every file: no SHA-256 is taken on trust. */
  public static final HeldFiles EVERY_FILE = (path, bytes, modified) -> Optional.empty();

  /**
   * Lists every delivery whose folder date (or month) is on or before {@code runDate}, each with its
   * SHA-256: from {@code held} when it vouches for the file, else by reading it. Folders whose name
   * starts with {@code _} or {@code .} (tooling, not deliveries) are skipped.
   */
  public static Landing scan(String root, LocalDate runDate, Configuration hadoop, HeldFiles held) {
    Path rootPath = new Path(root);
    List<Delivery> found = new ArrayList<>();
    LongAdder hashedNow = new LongAdder();
    try {
      FileSystem fs = rootPath.getFileSystem(hadoop);
      if (!fs.exists(rootPath) || !fs.getFileStatus(rootPath).isDirectory()) {
        throw missingRoot(root);
      }
      Path qualifiedRoot = fs.makeQualified(rootPath);
      List<LandingEntries.Entry> entries = fs instanceof LocalFileSystem
          ? LandingEntries.local(java.nio.file.Path.of(qualifiedRoot.toUri()))
          : LandingEntries.hadoop(fs, qualifiedRoot);
      for (LandingEntries.Entry entry : entries) {
        Delivery d = classify(entry);
        if (d.folder() == null || onOrBefore(d.folder(), runDate)) {
          found.add(d);
        }
      }
      DeliveredFiles files = new DeliveredFiles(hadoop);
      // Hashing reads every byte of what it hashes: on every core.
      found = found.parallelStream().map(d -> hashed(d, files, held, hashedNow)).sorted(Comparator.comparing(Delivery::path)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing folder " + root, e);
    }
    return new Landing(root, found, hashedNow.sum());
  }

  /** How many files this scan read to hash them; the others' SHA-256 came from the files held. */
  public long filesHashed() {
    return filesHashed;
  }

  /** The error for a landing root that is not a folder: the CLI checks a local path before starting Spark. */
  public static UserError missingRoot(String root) {
    return new UserError("the landing folder " + root + " does not exist or is not a folder; "
        + "expected the root of the exports (course/, contest/, telecom/, unit-reports/)");
  }

  public String root() {
    return root;
  }

  /** The latest delivery day in the landing (a month folder counts as its last day); empty when there is none. */
  public java.util.Optional<LocalDate> latestDelivery() {
    return deliveries.stream().map(Delivery::folder).filter(java.util.Objects::nonNull)
        .map(f -> f.length() == 7 ? YearMonth.parse(f).atEndOfMonth() : LocalDate.parse(f))
        .max(LocalDate::compareTo);
  }

  public List<Delivery> all() {
    return deliveries;
  }

  /** Deliveries of one table, oldest folder first. */
  public List<Delivery> of(String table) {
    return deliveries.stream().filter(d -> d.table().equals(table)).toList();
  }

  /** Files under a source's folder that fit no layout rule. */
  public List<Delivery> unexpected(String source) {
    return deliveries.stream()
        .filter(d -> d.table().equals(UNEXPECTED) && d.source().equals(source))
        .toList();
  }

  /** Whether a delivery folder (a day, or a month: its deliveries count from the month's start) is due by {@code runDate}. */
  public static boolean onOrBefore(String folder, LocalDate runDate) {
    if (folder.length() == 7) {
      return !YearMonth.parse(folder).isAfter(YearMonth.from(runDate));
    }
    return !LocalDate.parse(folder).isAfter(runDate);
  }

  /** Where a file fits the layout: its source, the table it feeds and its delivery folder (a day or a month). */
  public record Slot(String source, String table, String folder) {}

  /** The slot of a path relative to the landing root; empty when the path fits no rule of docs/specification.md §2. */
  public static Optional<Slot> slotOf(String relative) {
    for (Rule rule : RULES) {
      Matcher m = rule.pattern.matcher(relative);
      if (m.matches() && validFolder(m.group(1))) {
        return Optional.of(new Slot(rule.source, rule.table, m.group(1)));
      }
    }
    return Optional.empty();
  }

  /** Paths under a folder or file whose name starts with {@code _} or {@code .}: tooling, not deliveries. */
  public static boolean isTooling(String relative) {
    return relative.startsWith("_") || relative.startsWith(".") || relative.contains("/.");
  }

  /**
   * The delivery an entry is, by the layout rules; its SHA-256 comes later ({@link #hashed}). An
   * entry that is not a readable regular file is unexpected, whatever its name.
   */
  private static Delivery classify(LandingEntries.Entry entry) {
    String relative = entry.relative();
    Optional<Slot> slot = slotOf(relative);
    if (slot.isPresent() && entry.notRegular() == null) {
      Slot s = slot.get();
      return new Delivery(s.source(), s.table(), relative, entry.uri(), s.folder(), null, entry.bytes(), entry.modified(), null);
    }
    String top = relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : relative;
    String source = SOURCES.contains(top) ? top : "landing";
    return new Delivery(source, UNEXPECTED, relative, entry.uri(), null, null, entry.bytes(), entry.modified(), entry.notRegular());
  }

  /**
   * The delivery with the SHA-256 of its bytes (the held one when {@code held} vouches for the file,
   * else read now and counted in {@code hashedNow}); for an entry not to be opened, of what it is.
   */
  private static Delivery hashed(Delivery d, DeliveredFiles files, HeldFiles held, LongAdder hashedNow) {
    try {
      String sha256;
      if (d.notRegular() != null) {
        sha256 = sha256(d.notRegular().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } else {
        Optional<String> known = d.modified() == null ? Optional.empty() : held.sha256(d.path(), d.bytes(), d.modified());
        if (known.isEmpty()) {
          hashedNow.increment();
        }
        sha256 = known.isPresent() ? known.get() : sha256(files, d.uri());
      }
      return new Delivery(d.source(), d.table(), d.path(), d.uri(), d.folder(), sha256, d.bytes(), d.modified(), d.notRegular());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + d.uri(), e);
    }
  }

  private static boolean validFolder(String folder) {
    try {
      if (folder.length() == 7) {
        YearMonth.parse(folder);
      } else {
        LocalDate.parse(folder);
      }
      return true;
    } catch (java.time.DateTimeException e) {
      return false;
    }
  }

  /** The SHA-256 of bytes read: the same hex the scan records, to check a file did not change since. */
  public static String sha256(byte[] content) {
    return HexFormat.of().formatHex(digest().digest(content));
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(DeliveredFiles files, String uri) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[1 << 16];
    try (InputStream in = files.open(uri)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private record Rule(String source, String table, Pattern pattern) {
    Rule(String source, String table, String regex) {
      this(source, table, Pattern.compile(regex));
    }
  }
}
