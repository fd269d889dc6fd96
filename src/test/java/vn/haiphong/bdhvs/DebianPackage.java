package vn.haiphong.bdhvs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A program from Debian's packages that a test runs (chromium, python3). When it is absent the
 * first use installs it with apt-get (as root, once); anywhere else the test fails saying how to
 * install it — it never skips.
 */
public final class DebianPackage {
  private static final Path LOG = Path.of("target/apt-get.log");
  private static final Set<Path> CHECKED = new HashSet<>();

  private DebianPackage() {}

  /** Installs {@code debianPackage} when {@code binary} is absent; fails with what to do when that is impossible. */
  public static synchronized void ensure(Path binary, String debianPackage) {
    if (CHECKED.contains(binary) || Files.isExecutable(binary)) {
      CHECKED.add(binary);
      return;
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      throw new AssertionError(binary + " is missing and the tests do not run as root, so they cannot install it."
          + " Install Debian's " + debianPackage + " once: sudo apt-get update && sudo apt-get install -y --no-install-recommends "
          + debianPackage);
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
