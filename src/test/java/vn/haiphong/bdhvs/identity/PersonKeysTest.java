package vn.haiphong.bdhvs.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class PersonKeysTest {

  private static final byte[] KEY = "test-key-".repeat(4).getBytes(StandardCharsets.UTF_8);
  private static final PersonKeys KEYS = new PersonKeys(KEY);
  private static final String CCCD = "0" + "31" + "2".repeat(9);
  private static final String PHONE = "09" + "1234" + "5678";

  @Test
  void personKey_isHmacSha256OfTheCccdInLowerHex() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal(("cccd:" + CCCD).getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, KEYS.personKey(CCCD, PHONE, "city-lms", "HV1"));
  }

  @Test
  void personKey_isStableAcrossInstancesAndWritings() {
    String spaced = CCCD.substring(0, 4) + " " + CCCD.substring(4);
    assertEquals(KEYS.personKey(CCCD, null, "city-lms", "A"), new PersonKeys(KEY).personKey(spaced, null, "national-mooc", "B"));
  }

  @Test
  void personKey_phoneWhenNoCccd() {
    assertEquals(KEYS.personKey(null, "+84" + PHONE.substring(1), "x", "1"), KEYS.personKey("", PHONE, "y", "2"));
    assertEquals("phone", KEYS.basis("not a cccd", PHONE, "x", "1"));
  }

  @Test
  void basis_cccdBeforePhoneBeforePlatform() {
    assertEquals("cccd", KEYS.basis(CCCD, PHONE, "city-lms", "HV1"));
    assertEquals("phone", KEYS.basis(null, PHONE, "city-lms", "HV1"));
    assertEquals("platform", KEYS.basis(null, null, "city-lms", "HV1"));
  }

  @Test
  void personKey_platformIdsDoNotLinkAcrossPlatforms() {
    assertNotEquals(KEYS.personKey(null, null, "city-lms", "42"), KEYS.personKey(null, null, "national-mooc", "42"));
  }

  @Test
  void personKey_differsWithTheKey() {
    byte[] other = "other-key".repeat(4).getBytes(StandardCharsets.UTF_8);
    assertNotEquals(KEYS.personKey(CCCD, null, "p", "1"), new PersonKeys(other).personKey(CCCD, null, "p", "1"));
  }

  @Test
  void personKey_withoutAnyIdentifierIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> KEYS.personKey(null, null, "city-lms", " "));
  }

  @Test
  void pseudonym_isNamespaced() {
    assertNotEquals(KEYS.pseudonym("contest", "TS1"), KEYS.pseudonym("report", "TS1"));
    assertEquals(64, KEYS.pseudonym("contest", "TS1").length());
  }

  @Test
  void serialization_keepsTheKeysAndNeverTheMac() throws Exception {
    String before = KEYS.personKey(CCCD, null, "p", "1");
    PersonKeys copy = roundTrip(KEYS);
    assertEquals(before, copy.personKey(CCCD, null, "p", "1"));
  }

  @Test
  void personKey_isSafeAcrossThreads() throws Exception {
    String expected = KEYS.personKey(CCCD, null, "p", "1");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < 64; i++) {
        futures.add(pool.submit(() -> KEYS.personKey(CCCD, null, "p", "1")));
      }
      for (var f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void personKey_isLowerHex() {
    assertTrue(KEYS.personKey(CCCD, null, "p", "1").matches("[0-9a-f]{64}"));
  }

  private static PersonKeys roundTrip(PersonKeys keys) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(keys);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (PersonKeys) in.readObject();
    }
  }
}
