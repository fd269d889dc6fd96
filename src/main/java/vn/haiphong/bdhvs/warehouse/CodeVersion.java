package vn.haiphong.bdhvs.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * A fingerprint of the code and reference data a stored result was computed with: SHA-256 over
 * the compiled classes of some packages plus {@code reference/} and {@code schemas/}, as they are
 * on the classpath (a folder or the jar). A stored result whose fingerprint differs from the
 * running code's is recomputed — no version number to remember to bump.
 */
public final class CodeVersion {
  private static final String ROOT = "vn/haiphong/bdhvs/";
  private static final List<String> DATA = List.of("reference/", "schemas/");
  private static final Map<List<String>, String> CACHE = new ConcurrentHashMap<>();

  private CodeVersion() {}

  /** The fingerprint of the packages (e.g. {@code "ingest"}, {@code "identity"}) with the reference data and contracts. */
  public static String of(String... packages) {
    return CACHE.computeIfAbsent(List.of(packages), CodeVersion::compute);
  }

  private static String compute(List<String> packages) {
    List<String> prefixes = Stream.concat(packages.stream().map(p -> ROOT + p.replace('.', '/') + "/"), DATA.stream()).toList();
    Map<String, byte[]> entries = new TreeMap<>();
    try {
      Path location = Path.of(CodeVersion.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (Files.isDirectory(location)) {
        try (Stream<Path> files = Files.walk(location)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            String name = location.relativize(f).toString().replace('\\', '/');
            if (prefixes.stream().anyMatch(name::startsWith)) {
              entries.put(name, Files.readAllBytes(f));
            }
          }
        }
      } else {
        try (JarFile jar = new JarFile(location.toFile())) {
          for (JarEntry e : java.util.Collections.list(jar.entries())) {
            if (!e.isDirectory() && prefixes.stream().anyMatch(e.getName()::startsWith)) {
              try (InputStream in = jar.getInputStream(e)) {
                entries.put(e.getName(), in.readAllBytes());
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bdhvs's own classes to fingerprint them", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    MessageDigest digest = sha256();
    entries.forEach((name, bytes) -> {
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      digest.update(bytes);
    });
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  /** SHA-256 of a text, hex: for fingerprints made of several parts. */
  public static String sha256(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
