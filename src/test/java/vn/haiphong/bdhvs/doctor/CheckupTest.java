package vn.haiphong.bdhvs.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.TestLanding;
import vn.haiphong.bdhvs.doctor.Finding.Level;
import vn.haiphong.bdhvs.identity.PseudonymKey;

class CheckupTest {
  private static final String HEX_KEY = "0123456789abcdef".repeat(4);

  @TempDir Path tmp;

  @Test
  void java_17IsRight_newerIsAWarning_olderMustBeFixed() {
    assertEquals(Level.ok, Checkup.java(Runtime.Version.parse("17.0.15")).level());
    assertEquals(Level.warn, Checkup.java(Runtime.Version.parse("21.0.2")).level());
    Finding old = Checkup.java(Runtime.Version.parse("11.0.20"));
    assertEquals(Level.fix, old.level());
    assertTrue(old.message().contains("needs Java 17"), old.message());
  }

  @Test
  void memory_tooLittleHeapMustBeFixed_moreThanTheMachineIsAWarning() {
    long gib = Checkup.GIB;
    assertEquals(Level.fix, Checkup.memory(gib / 2, 16 * gib, 2).level());
    Finding tooBig = Checkup.memory(32 * gib, 16 * gib, 2);
    assertEquals(Level.warn, tooBig.level());
    assertTrue(tooBig.message().contains("-Xmx12g"), tooBig.message());
    assertEquals(Level.warn, Checkup.memory(2 * gib, 16 * gib, 2).level());
    assertEquals(Level.ok, Checkup.memory(4 * gib, 16 * gib, 2).level());
  }

  @Test
  void writableFolder_missingFolderUnderAWritableOneIsFine_aFileInTheWayIsNot() throws IOException {
    assertEquals(Level.ok, Checkup.writableFolder("warehouse", tmp.resolve("new/wh")).level());
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    Finding f = Checkup.writableFolder("warehouse", file.resolve("wh"));
    assertEquals(Level.fix, f.level());
    assertTrue(f.message().contains("is not a folder"), f.message());
  }

  @Test
  void writableFolder_readOnlyFolderMustBeFixed() throws IOException {
    Path locked = Files.createDirectory(tmp.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // root writes anywhere; the check must then agree with what a real write does.
      boolean writable = Files.isWritable(locked);
      assertEquals(writable ? Level.ok : Level.fix, Checkup.writableFolder("warehouse", locked).level());
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void key_noneIsAWarning_weakMissingOrInsideTheWarehouseMustBeFixed() throws IOException {
    assertEquals(Level.warn, Checkup.key(null, Map.of(), null).level());
    assertEquals(Level.ok, Checkup.key(null, Map.of(PseudonymKey.ENV, HEX_KEY), null).level());
    Finding weak = Checkup.key(null, Map.of(PseudonymKey.ENV, "secret"), null);
    assertEquals(Level.fix, weak.level());
    assertTrue(weak.message().contains("too weak"), weak.message());
    assertEquals(Level.fix, Checkup.key(tmp.resolve("absent.key"), Map.of(), null).level());

    Path warehouse = Files.createDirectories(tmp.resolve("wh"));
    Path inside = keyFile(warehouse.resolve("key"));
    Finding f = Checkup.key(inside, Map.of(), warehouse.toString());
    assertEquals(Level.fix, f.level());
    assertTrue(f.message().contains("inside the warehouse"), f.message());
    assertEquals(Level.ok, Checkup.key(keyFile(tmp.resolve("key")), Map.of(),
        warehouse.toString()).level());
  }

  @Test
  void key_readableByOthersIsAWarning() throws IOException {
    Path key = keyFile(tmp.resolve("key"));
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    Finding f = Checkup.key(key, Map.of(), null);
    assertEquals(Level.warn, f.level());
    assertTrue(f.message().contains("chmod 600"), f.message());
  }

  @Test
  void landing_countsDeliveriesPerSourceAndNamesUnexpectedAndEmptyFiles() {
    new TestLanding(tmp.resolve("landing"))
        .file("contest/2025-11-01/registrations.csv", "Mã thí sinh\n")
        .file("contest/2025-11-03/visits.csv", "")
        .file("telecom/2025-10/speedtest.csv", "ward_code\n")
        .file("contest/2025-11-01/notes.txt", "hello")
        .file("_tooling/state.json", "{}");
    List<Finding> findings = LandingLayout.check(tmp.resolve("landing").toString());
    String summary = findings.get(0).message();
    assertEquals(Level.ok, findings.get(0).level());
    assertTrue(summary.contains("contest 2 files (2025-11-01 … 2025-11-03)") && summary.contains("telecom 1 files"), summary);
    assertTrue(has(findings, Level.warn, "no deliveries under course/"));
    assertTrue(has(findings, Level.warn, "1 file(s) fit no layout rule") && has(findings, Level.warn, "contest/2025-11-01/notes.txt"));
    assertTrue(has(findings, Level.warn, "1 empty file(s)") && has(findings, Level.warn, "contest/2025-11-03/visits.csv"));
    assertFalse(has(findings, Level.warn, "_tooling"), "tooling folders are no deliveries");
  }

  @Test
  void landing_theFolderAboveTheLandingIsNamedInTheFix() {
    new TestLanding(tmp.resolve("landing")).file("contest/2025-11-01/registrations.csv", "x\n");
    List<Finding> findings = LandingLayout.check(tmp.toString());
    assertEquals(1, findings.size());
    assertEquals(Level.fix, findings.get(0).level());
    assertTrue(findings.get(0).message().contains("did you mean --landing " + tmp.resolve("landing")), findings.get(0).message());
  }

  @Test
  void landing_missingFolderMustBeFixed() {
    Finding f = LandingLayout.check(tmp.resolve("nope").toString()).get(0);
    assertEquals(Level.fix, f.level());
    assertTrue(f.message().contains("does not exist"), f.message());
  }

  private static boolean has(List<Finding> findings, Level level, String text) {
    return findings.stream().anyMatch(f -> f.level() == level && f.message().contains(text));
  }

  /** A key file as an operator writes it, owner-only. */
  private static Path keyFile(Path file) throws IOException {
    Files.writeString(file, HEX_KEY);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
