package vn.haiphong.bdhvs;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** What a test needing a Debian package does for a contributor who is not root, and in CI. */
class DebianPackageTest {
  private static final Path MISSING = Path.of("/nonexistent/bdhvs-test-binary");

  @Test
  void missingAndNotRoot_skipsTheTestSayingHowToInstallIt() {
    TestAbortedException skipped = assertThrows(TestAbortedException.class,
        () -> DebianPackage.ensure(MISSING, "chromium", false, false));
    assertTrue(skipped.getMessage().contains("only root can install") && skipped.getMessage().contains("it runs in CI")
        && skipped.getMessage().contains("sudo apt-get install -y --no-install-recommends chromium"), skipped.getMessage());
  }

  @Test
  void missingAndNotRootInCi_failsRatherThanSkipUnseen() {
    AssertionError failed = assertThrows(AssertionError.class, () -> DebianPackage.ensure(MISSING, "chromium", false, true));
    assertTrue(failed.getMessage().contains("CI does not run as root"), failed.getMessage());
  }

  @Test
  void presentProgram_runsForAnyUser() {
    DebianPackage.ensure(Path.of("/bin/sh"), "dash", false, true);
  }
}
