package vn.haiphong.bdhvs.landing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.errors.UserError;

class LandingTest {
  private static final LocalDate RUN_DATE = LocalDate.of(2025, 12, 10);

  @TempDir Path tmp;

  private TestLanding landing(String... paths) {
    TestLanding landing = new TestLanding(tmp);
    for (String p : paths) {
      landing.file(p, "x\n");
    }
    return landing;
  }

  /** path → "source table folder" of every delivery listed up to {@code runDate}. */
  private Map<String, String> scan(LocalDate runDate, String... paths) {
    Map<String, String> found = new TreeMap<>();
    for (Delivery d : Landing.scan(landing(paths).root().toString(), runDate, new Configuration(), Landing.EVERY_FILE).all()) {
      found.put(d.path(), d.source() + " " + d.table() + " " + d.folder());
    }
    return found;
  }

  @Test
  void scan_classifiesEveryPathOfTheLayout() {
    Map<String, String> found = scan(RUN_DATE,
        "course/city-lms/2025-11-01/enrolments.csv",
        "course/national-mooc/2025-11-01/statements.jsonl",
        "course/national-mooc/2025-11-02/statements.jsonl.gz",
        "course/catalog/2025-11-01/courses.csv",
        "contest/2025-11-01/registrations.csv",
        "contest/2025-11-01/submissions.csv",
        "contest/2025-11-01/visits.csv",
        "telecom/2025-11/operator-viettel.csv",
        "telecom/2025-11/speedtest.csv",
        "unit-reports/2025-12-02/bao-cao-ub.json");
    Map<String, String> expected = new TreeMap<>(Map.of(
        "course/city-lms/2025-11-01/enrolments.csv", "course lms_enrolments 2025-11-01",
        "course/national-mooc/2025-11-01/statements.jsonl", "course mooc_statements 2025-11-01",
        "course/national-mooc/2025-11-02/statements.jsonl.gz", "course mooc_statements 2025-11-02",
        "course/catalog/2025-11-01/courses.csv", "course course_catalog 2025-11-01",
        "contest/2025-11-01/registrations.csv", "contest contest_registrations 2025-11-01",
        "contest/2025-11-01/submissions.csv", "contest contest_submissions 2025-11-01",
        "contest/2025-11-01/visits.csv", "contest contest_visits 2025-11-01",
        "telecom/2025-11/operator-viettel.csv", "telecom telecom_operator 2025-11",
        "telecom/2025-11/speedtest.csv", "telecom telecom_speedtest 2025-11",
        "unit-reports/2025-12-02/bao-cao-ub.json", "unit-reports unit_reports 2025-12-02"));
    assertEquals(expected, found);
  }

  @Test
  void scan_skipsFoldersAfterTheRunDate() {
    Map<String, String> found = scan(LocalDate.of(2025, 11, 1),
        "contest/2025-11-01/visits.csv", "contest/2025-11-02/visits.csv");
    assertEquals(java.util.Set.of("contest/2025-11-01/visits.csv"), found.keySet());
  }

  @Test
  void scan_comparesTelecomFoldersByMonth() {
    Map<String, String> found = scan(LocalDate.of(2025, 11, 5),
        "telecom/2025-11/speedtest.csv", "telecom/2025-12/speedtest.csv");
    assertEquals(java.util.Set.of("telecom/2025-11/speedtest.csv"), found.keySet());
  }

  @Test
  void scan_ignoresToolingFoldersAndDotFiles() {
    Map<String, String> found = scan(RUN_DATE, "_generated/manifest.json", ".DS_Store",
        "contest/2025-11-01/.visits.csv.swp", "contest/.staging/visits.csv", "contest/2025-11-01/visits.csv");
    assertEquals(java.util.Set.of("contest/2025-11-01/visits.csv"), found.keySet());
  }

  @Test
  void scan_listsAFileFittingNoRuleAsUnexpectedWithItsSource() {
    Map<String, String> found = scan(RUN_DATE, "contest/2025-11-01/notes.txt", "readme.txt");
    assertEquals("contest unexpected null", found.get("contest/2025-11-01/notes.txt"));
    assertEquals("landing unexpected null", found.get("readme.txt"));
  }

  @Test
  void scan_folderThatIsNotARealDateIsUnexpected() {
    Map<String, String> found = scan(RUN_DATE, "contest/2025-13-01/visits.csv", "telecom/2025-00/speedtest.csv");
    assertEquals("contest unexpected null", found.get("contest/2025-13-01/visits.csv"));
    assertEquals("telecom unexpected null", found.get("telecom/2025-00/speedtest.csv"));
  }

  @Test
  void scan_missingRootIsAUserErrorNamingThePath() {
    String missing = tmp.resolve("no-such-landing").toString();
    UserError e = assertThrows(UserError.class, () -> Landing.scan(missing, RUN_DATE, new Configuration(), Landing.EVERY_FILE));
    assertTrue(e.getMessage().contains(missing), e.getMessage());
  }

  /** What the scan made of each entry that is no file to read: path → what it is. */
  private Map<String, String> notRegular(TestLanding landing) {
    List<Delivery> all = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> Landing.scan(landing.root().toString(), RUN_DATE, new Configuration(), Landing.EVERY_FILE).all());
    Map<String, String> found = new TreeMap<>();
    for (Delivery d : all) {
      if (d.notRegular() != null) {
        assertEquals(Landing.UNEXPECTED, d.table());
        found.put(d.path(), d.notRegular());
      }
    }
    return found;
  }

  @Test
  void scan_danglingLinkIsListedAsNotRegular() throws IOException {
    TestLanding landing = landing("contest/2025-11-01/registrations.csv");
    Files.createSymbolicLink(tmp.resolve("contest/2025-11-01/visits.csv"), tmp.resolve("gone.csv"));
    assertEquals(Map.of("contest/2025-11-01/visits.csv", "a link to a missing file"), notRegular(landing));
  }

  @Test
  void scan_namedPipeAndSocketAreListedWithoutBeingOpened() throws Exception {
    TestLanding landing = landing("contest/2025-11-01/registrations.csv");
    Path pipe = tmp.resolve("contest/2025-11-01/visits.csv");
    assertEquals(0, new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor());
    try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      socket.bind(UnixDomainSocketAddress.of(tmp.resolve("contest/2025-11-01/submissions.csv")));
      assertEquals(Map.of("contest/2025-11-01/visits.csv", "a named pipe (FIFO)",
          "contest/2025-11-01/submissions.csv", "a socket"), notRegular(landing));
    }
  }

  @Test
  void scan_linksToTheirOwnFolderAreListedNotFollowed() throws IOException {
    TestLanding landing = landing("contest/2025-11-01/visits.csv");
    Files.createSymbolicLink(tmp.resolve("contest/2025-11-01/a"), Path.of("."));
    Files.createSymbolicLink(tmp.resolve("contest/2025-11-01/b"), Path.of("."));
    Map<String, String> found = notRegular(landing);
    assertEquals(List.of("contest/2025-11-01/a", "contest/2025-11-01/b"), List.copyOf(found.keySet()));
    assertTrue(found.get("contest/2025-11-01/a").startsWith("a link to a folder"), found.toString());
  }

  @Test
  void scan_linkToARegularFileIsADelivery() throws IOException {
    Path elsewhere = Files.writeString(Files.createDirectories(tmp.resolve("exports")).resolve("v.csv"), "x\n");
    TestLanding landing = new TestLanding(tmp.resolve("landing"));
    Files.createDirectories(landing.root().resolve("contest/2025-11-01"));
    Files.createSymbolicLink(landing.root().resolve("contest/2025-11-01/visits.csv"), elsewhere);
    Delivery d = Landing.scan(landing.root().toString(), RUN_DATE, new Configuration(), Landing.EVERY_FILE).all().get(0);
    assertEquals("contest_visits", d.table());
    assertEquals(2, d.bytes());
    assertEquals(Landing.sha256("x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), d.sha256());
  }

  /**
   * A held file's SHA-256 is taken without reading it only while its size and modification time are
   * those it was hashed with: another size is hashed again; the same size with the time put back is
   * not seen, unless every file is hashed ({@code --verify}).
   */
  @Test
  void scan_takesTheHeldSha256OnlyForTheSameSizeAndTime() throws IOException {
    TestLanding landing = new TestLanding(tmp).file("contest/2025-11-01/visits.csv", "a\n").file("contest/2025-11-02/visits.csv", "b\n");
    String root = landing.root().toString();
    Map<String, Delivery> first = new TreeMap<>();
    Landing.scan(root, RUN_DATE, new Configuration(), Landing.EVERY_FILE).all().forEach(d -> first.put(d.path(), d));
    Landing.HeldFiles held = (path, bytes, modified) -> java.util.Optional.ofNullable(first.get(path))
        .filter(d -> d.bytes() == bytes && d.modified().equals(modified)).map(Delivery::sha256);

    Landing again = Landing.scan(root, RUN_DATE, new Configuration(), held);
    assertEquals(0, again.filesHashed(), "nothing changed: nothing read");
    assertEquals(first.values().stream().map(Delivery::sha256).toList(), again.all().stream().map(Delivery::sha256).toList());

    Path same = tmp.resolve("contest/2025-11-01/visits.csv");
    java.nio.file.attribute.FileTime time = Files.getLastModifiedTime(same);
    Files.writeString(same, "z\n");
    Files.setLastModifiedTime(same, time);
    Files.writeString(tmp.resolve("contest/2025-11-02/visits.csv"), "longer\n");
    Map<String, String> trusted = new TreeMap<>();
    Landing rewritten = Landing.scan(root, RUN_DATE, new Configuration(), held);
    rewritten.all().forEach(d -> trusted.put(d.path(), d.sha256()));
    assertEquals(1, rewritten.filesHashed(), "the file of another size");
    assertEquals(Landing.sha256("longer\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), trusted.get("contest/2025-11-02/visits.csv"));
    assertEquals(first.get("contest/2025-11-01/visits.csv").sha256(), trusted.get("contest/2025-11-01/visits.csv"),
        "same size, time put back: the held SHA-256 stands");

    Landing verified = Landing.scan(root, RUN_DATE, new Configuration(), Landing.EVERY_FILE);
    assertEquals(2, verified.filesHashed());
    assertEquals(Landing.sha256("z\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), verified.all().get(0).sha256());
  }
}
