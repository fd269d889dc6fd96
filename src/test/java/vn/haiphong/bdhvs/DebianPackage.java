package vn.haiphong.bdhvs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A program from Debian's packages that a test runs (chromium, python3). When it is absent the
 * first use installs it with apt-get (as root, once). A contributor who is not root cannot, so
 * there the test is skipped, saying how to install the package; CI runs as root and installs it,
 * and should CI ever run without root, the test fails rather than skip unseen.
 */
public final class DebianPackage {
  private static final Path LOG = Path.of("target/apt-get.log");
  private static final Set<Path> CHECKED = new HashSet<>();

  private DebianPackage() {}

  /**
   * Installs {@code debianPackage} when {@code binary} is absent; skips the test when that is
   * impossible (not root), fails in CI.
   */
  public static void ensure(Path binary, String debianPackage) {
    ensure(binary, debianPackage, new com.sun.security.auth.module.UnixSystem().getUid() == 0, System.getenv("CI") != null);
  }

  static synchronized void ensure(Path binary, String debianPackage, boolean root, boolean ci) {
    if (CHECKED.contains(binary) || Files.isExecutable(binary)) {
      CHECKED.add(binary);
      return;
    }
    if (!root) {
      String install = "sudo apt-get update && sudo apt-get install -y --no-install-recommends " + debianPackage;
      if (ci) {
        throw new AssertionError(binary + " is missing and CI does not run as root, so it cannot install it: " + install);
      }
      Assumptions.abort("needs " + binary + " (Debian's " + debianPackage + "), which only root can install, and the tests"
          + " do not run as root; it runs in CI. To run it here: " + install);
    }
    run(List.of("apt-get", "update"), 600);
    run(List.of("apt-get", "install", "-y", "--no-install-recommends", debianPackage), 900);
    if (!Files.isExecutable(binary)) {
      throw new AssertionError("apt-get installed " + debianPackage + " but " + binary + " is still missing; see " + LOG.toAbsolutePath());
    }
    CHECKED.add(binary);
  }

  private static void run(List<String> command, int timeoutSeconds) {
    try {
      Files.createDirectories(LOG.getParent());
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
      pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; see " + LOG.toAbsolutePath());
      }
      if (p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed (exit " + p.exitValue() + "); see " + LOG.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
