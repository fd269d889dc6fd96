package vn.haiphong.bdhvs.identity;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pseudonymous person keys (docs/specification.md §4): HMAC-SHA256 over the best identifier a record has — the
 * CCCD, else the phone, else the platform's own id (which does not link across sources).
 * Serializable so Spark can ship it; the {@link Mac} is not, so each thread makes its own.
 */
public final class PersonKeys implements Serializable {

  private static final String ALGORITHM = "HmacSHA256";

  private final byte[] key;
  private transient volatile ThreadLocal<Mac> macs;

  public PersonKeys(byte[] key) {
    if (key == null || key.length == 0) {
      throw new IllegalArgumentException("person keys need a non-empty HMAC key");
    }
    this.key = key.clone();
  }

  public PersonKeys(PseudonymKey key) {
    this(key.bytes());
  }

  /** Lower-hex HMAC of {@code cccd:<12 digits>}, else {@code phone:+84…}, else {@code <platform>:<id>}. */
  public String personKey(String cccd, String phone, String platform, String platformId) {
    return hmac(identifier(cccd, phone, platform, platformId));
  }

  /** Which identifier {@link #personKey} used: {@code cccd}, {@code phone} or {@code platform}. */
  public String basis(String cccd, String phone, String platform, String platformId) {
    String id = identifier(cccd, phone, platform, platformId);
    return id.startsWith("cccd:") ? "cccd" : id.startsWith("phone:") ? "phone" : "platform";
  }

  /**
   * Keyed hash of a record's CCCD, labelled by its type as every identifier hash is (so equal digits of two
   * types never meet): the node the linkage of docs/specification.md §4 joins records on. Null when absent or
   * not a CCCD. Equal to {@link #personKey} of a record whose best identifier it is.
   */
  public String cccdHash(String raw) {
    return Cccd.normalize(raw).map(c -> hmac("cccd:" + c)).orElse(null);
  }

  /** Keyed hash of a record's old 9-digit identity card (CMND); null when absent or not a CMND. */
  public String cmndHash(String raw) {
    return Cmnd.normalize(raw).map(c -> hmac("cmnd:" + c)).orElse(null);
  }

  /** Keyed hash of a record's phone number, normalized; null when absent or not a phone number. */
  public String phoneHash(String raw) {
    return PhoneNumbers.normalize(raw).map(p -> hmac("phone:" + p)).orElse(null);
  }

  /** Pseudonym of any other identifier, e.g. {@code pseudonym("contest", candidateId)}. */
  public String pseudonym(String namespace, String id) {
    if (namespace == null || namespace.isBlank() || id == null || id.isBlank()) {
      throw new IllegalArgumentException("a pseudonym needs a namespace and an id");
    }
    return hmac(namespace + ":" + id.strip());
  }

  private static String identifier(String cccd, String phone, String platform, String platformId) {
    Optional<String> card = Cccd.normalize(cccd);
    if (card.isPresent()) {
      return "cccd:" + card.get();
    }
    Optional<String> number = PhoneNumbers.normalize(phone);
    if (number.isPresent()) {
      return "phone:" + number.get();
    }
    if (platform == null || platform.isBlank() || platformId == null || platformId.isBlank()) {
      throw new IllegalArgumentException("a record without CCCD or phone needs its platform and platform id");
    }
    return platform.strip() + ":" + platformId.strip();
  }

  private String hmac(String message) {
    return HexFormat.of().formatHex(mac().doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }

  private Mac mac() {
    ThreadLocal<Mac> local = macs;
    if (local == null) {
      synchronized (this) {
        if (macs == null) {
          macs = ThreadLocal.withInitial(this::newMac);
        }
        local = macs;
      }
    }
    return local.get();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is not available in this JVM", e);
    }
  }
}
