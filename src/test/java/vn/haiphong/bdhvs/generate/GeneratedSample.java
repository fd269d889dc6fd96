package vn.haiphong.bdhvs.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One SMALL landing per test JVM, generated on first use: the tests only read it. */
final class GeneratedSample {

  static final long SEED = 20251210L;
  private static Path root;
  private static JsonNode expected;

  private GeneratedSample() {
  }

  static synchronized Path root() {
    if (root == null) {
      try {
        root = Files.createTempDirectory("bdhvs-small-");
        root.toFile().deleteOnExit();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      SyntheticLanding.generate(root, Scale.SMALL, SEED);
    }
    return root;
  }

  static synchronized JsonNode expected() {
    if (expected == null) {
      try {
        expected = new ObjectMapper().readTree(root().resolve(GenerationSummary.EXPECTED_JSON).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return expected;
  }
}
