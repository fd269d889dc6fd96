package vn.haiphong.bdhvs.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import vn.haiphong.bdhvs.errors.UnreadableFile;

/**
 * The secret of the person-key HMAC (docs/specification.md §4). It comes from the environment variable
 * {@value #ENV} or a key file, never from the warehouse; it is never printed ({@link #toString}
 * names only its source).
 */
public final class PseudonymKey {

  public static final String ENV = "BDHVS_PSEUDONYM_KEY";
  static final int MIN_BYTES = 32;
  private static final Pattern HEX = Pattern.compile("(?i)[0-9a-f]+");

  private final byte[] bytes;
  private final String source;

  private PseudonymKey(byte[] bytes, String source) {
    this.bytes = bytes;
    this.source = source;
  }

  /** The key of {@code --key-file} when given, else of {@value #ENV} in {@code environment}. */
  public static PseudonymKey load(Path keyFile, Map<String, String> environment) {
    if (keyFile != null) {
      try {
        return parse(Files.readString(keyFile, StandardCharsets.UTF_8), "key file " + keyFile);
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot read key file " + keyFile + ": " + UnreadableFile.reason(keyFile, e)
            + "; expected a file holding the key (at least " + MIN_BYTES + " random bytes, e.g. 64 hex characters)", e);
      }
    }
    String value = environment.get(ENV);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("no pseudonym key: set " + ENV + " or pass --key-file");
    }
    return parse(value, "environment variable " + ENV);
  }

  /** {@link #load(Path, Map)} with this process's environment. */
  public static PseudonymKey load(Path keyFile) {
    return load(keyFile, System.getenv());
  }

  /**
   * Writes a fresh random key (hex of 32 bytes from {@link SecureRandom}) to a new file readable by its
   * owner only; refuses to overwrite a key, which would silently change every person key.
   */
  public static PseudonymKey createKeyFile(Path keyFile) {
    byte[] random = new byte[MIN_BYTES];
    new SecureRandom().nextBytes(random);
    String text = HexFormat.of().formatHex(random) + "\n";
    try {
      if (keyFile.getParent() != null) {
        Files.createDirectories(keyFile.getParent());
      }
      try {
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(keyFile);
      }
      Files.writeString(keyFile, text, StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalArgumentException("key file " + keyFile + " already exists; not overwriting it", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write key file " + keyFile, e);
    }
    return new PseudonymKey(random, "key file " + keyFile);
  }

  /** A copy of the key bytes: hex text is decoded, any other text is taken as its UTF-8 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public String toString() {
    return "PseudonymKey(from " + source + ")";
  }

  static PseudonymKey parse(String text, String source) {
    String key = text.strip();
    byte[] bytes = HEX.matcher(key).matches() && key.length() % 2 == 0
        ? HexFormat.of().parseHex(key)
        : key.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < MIN_BYTES || distinct(bytes) < 8) {
      throw new IllegalArgumentException("pseudonym key from " + source + " is too weak: expected at least "
          + MIN_BYTES + " random bytes (e.g. 64 hex characters), found " + bytes.length + " bytes");
    }
    return new PseudonymKey(bytes, source);
  }

  // Guards against placeholders such as 64 zeros, which are long but not secret.
  private static long distinct(byte[] bytes) {
    byte[] sorted = bytes.clone();
    Arrays.sort(sorted);
    long count = 1;
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] != sorted[i - 1]) {
        count++;
      }
    }
    return count;
  }
}
