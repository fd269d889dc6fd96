package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No committed file may carry something that looks like a citizen id (docs/specification.md §4): fixtures are built in code. */
class CommittedFilesPrivacyTest {

  private static final Pattern CCCD_LIKE = Pattern.compile("(^|[^0-9])0[0-9]{11}([^0-9]|$)", Pattern.MULTILINE);

  @Test
  void noCommittedFileContainsACitizenIdLikeNumber() throws IOException {
    List<Path> offenders;
    try (Stream<Path> files = Stream.of("reference", "schemas", "src").map(Path::of).flatMap(CommittedFilesPrivacyTest::walk)) {
      offenders = files.filter(Files::isRegularFile).filter(CommittedFilesPrivacyTest::looksLikeItHoldsACccd).toList();
    }
    assertTrue(offenders.isEmpty(), "citizen-id-like numbers in " + offenders);
  }

  private static Stream<Path> walk(Path root) {
    try {
      return Files.walk(root);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean looksLikeItHoldsACccd(Path file) {
    try {
      return CCCD_LIKE.matcher(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).find();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
