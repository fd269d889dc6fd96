package vn.haiphong.bdhvs.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {

  @TempDir
  Path tmp;

  @Test
  void sameSeed_givesIdenticalBytes() {
    SyntheticLanding.generate(tmp.resolve("b"), Scale.SMALL, GeneratedSample.SEED);
    assertEquals(digests(GeneratedSample.root()), digests(tmp.resolve("b")));
  }

  @Test
  void otherSeed_givesOtherBytes() {
    SyntheticLanding.generate(tmp.resolve("c"), Scale.SMALL, GeneratedSample.SEED + 1);
    Map<String, String> a = digests(GeneratedSample.root());
    Map<String, String> c = digests(tmp.resolve("c"));
    assertNotEquals(a.get("contest/2025-11-01/registrations.csv"), c.get("contest/2025-11-01/registrations.csv"));
    assertNotEquals(a.get("course/city-lms/2025-11-30/enrolments.csv"), c.get("course/city-lms/2025-11-30/enrolments.csv"));
  }

  @Test
  void regenerating_intoAnEarlierGeneration_replacesIt() {
    Path out = tmp.resolve("d");
    SyntheticLanding.generate(out, Scale.SMALL, GeneratedSample.SEED + 1);
    SyntheticLanding.generate(out, Scale.SMALL, GeneratedSample.SEED);
    assertEquals(digests(GeneratedSample.root()), digests(out));
  }

  @Test
  void foreignNonEmptyFolder_isRefused() throws IOException {
    Path out = Files.createDirectories(tmp.resolve("e"));
    Files.writeString(out.resolve("notes.txt"), "not a landing");
    assertThrows(IllegalArgumentException.class, () -> SyntheticLanding.generate(out, Scale.SMALL, 1));
  }

  private static Map<String, String> digests(Path root) {
    Map<String, String> out = new TreeMap<>();
    for (Path file : LandingReader.files(root)) {
      try {
        out.put(LandingReader.relative(root, file),
            HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }
}
