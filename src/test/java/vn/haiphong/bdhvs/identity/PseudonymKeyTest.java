package vn.haiphong.bdhvs.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymKeyTest {

  private static final String HEX_KEY = HexFormat.of().formatHex(sequence(32));

  @TempDir
  Path dir;

  private static byte[] sequence(int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) (i * 37 + 11);
    }
    return bytes;
  }

  @Test
  void load_fromEnvironment() {
    PseudonymKey key = PseudonymKey.load(null, Map.of(PseudonymKey.ENV, HEX_KEY));
    assertArrayEquals(sequence(32), key.bytes());
  }

  @Test
  void load_keyFileWinsOverEnvironment() throws IOException {
    Path file = dir.resolve("key");
    Files.writeString(file, HEX_KEY + "\n");
    PseudonymKey key = PseudonymKey.load(file, Map.of(PseudonymKey.ENV, "x".repeat(64)));
    assertArrayEquals(sequence(32), key.bytes());
  }

  @Test
  void load_shortKeyIsRefusedNamingItsSource() throws IOException {
    Path file = dir.resolve("short");
    Files.writeString(file, "abc123");
    var e = assertThrows(IllegalArgumentException.class, () -> PseudonymKey.load(file, Map.of()));
    assertTrue(e.getMessage().contains("key file " + file), e.getMessage());
    assertTrue(e.getMessage().contains("at least 32"), e.getMessage());
  }

  @Test
  void load_shortEnvironmentKeyIsRefusedNamingTheVariable() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> PseudonymKey.load(null, Map.of(PseudonymKey.ENV, HEX_KEY.substring(0, 40))));
    assertTrue(e.getMessage().contains(PseudonymKey.ENV), e.getMessage());
  }

  @Test
  void load_longButRepetitiveKeyIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> PseudonymKey.load(null, Map.of(PseudonymKey.ENV, "0".repeat(64))));
  }

  @Test
  void load_withoutAnyKeySaysWhereToPutOne() {
    var e = assertThrows(IllegalArgumentException.class, () -> PseudonymKey.load(null, Map.of()));
    assertTrue(e.getMessage().contains(PseudonymKey.ENV) && e.getMessage().contains("--key-file"), e.getMessage());
  }

  @Test
  void load_missingKeyFileIsNamed() {
    Path missing = dir.resolve("missing");
    var e = assertThrows(IllegalArgumentException.class, () -> PseudonymKey.load(missing, Map.of()));
    assertTrue(e.getMessage().contains(missing.toString()));
  }

  @Test
  void createKeyFile_writesAnOwnerOnlyKeyThatLoads() throws IOException {
    Path file = dir.resolve("keys/pseudonym.key");
    PseudonymKey created = PseudonymKey.createKeyFile(file);
    assertArrayEquals(created.bytes(), PseudonymKey.load(file, Map.of()).bytes());
    assertEquals(32, created.bytes().length);
    assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
  }

  @Test
  void createKeyFile_refusesToOverwrite() throws IOException {
    Path file = dir.resolve("pseudonym.key");
    PseudonymKey.createKeyFile(file);
    assertThrows(IllegalArgumentException.class, () -> PseudonymKey.createKeyFile(file));
  }

  @Test
  void createKeyFile_givesADifferentKeyEachTime() {
    assertFalse(java.util.Arrays.equals(PseudonymKey.createKeyFile(dir.resolve("a")).bytes(),
        PseudonymKey.createKeyFile(dir.resolve("b")).bytes()));
  }

  @Test
  void toString_neverShowsTheKey() {
    PseudonymKey key = PseudonymKey.load(null, Map.of(PseudonymKey.ENV, HEX_KEY));
    assertFalse(key.toString().contains(HEX_KEY.substring(0, 8)));
  }
}
