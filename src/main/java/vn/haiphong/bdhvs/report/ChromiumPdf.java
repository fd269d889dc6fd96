package vn.haiphong.bdhvs.report;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The city report as a PDF beside its page ({@code <month>.pdf}), printed by a headless Chromium
 * found on the PATH while the other files are rendered: what an official attaches to a letter. Optional: without a Chromium, or when it
 * fails or runs past {@link #TIMEOUT_SECONDS}, a log line says so and the run goes on. The nightly run
 * prints only the city's: a browser per page cost 6.4 s a page here, one browser printing page after page
 * over the DevTools protocol still 1.5 s a page (README Performance), minutes for the 128 ward and
 * department reports of each month; theirs are printed when one is asked for ({@code bdhvs report --ward/--unit}).
 */
final class ChromiumPdf {
  private static final Logger LOG = LoggerFactory.getLogger(ChromiumPdf.class);
  static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome");
  static final long TIMEOUT_SECONDS = 90;
  static final String BROWSER_VARIABLE = "BDHVS_CHROMIUM";

  private ChromiumPdf() {}

  /**
   * The browser that prints: {@code BDHVS_CHROMIUM} when set (a path, or {@code none} for no PDF: the
   * test suite's nightly runs), else the first of {@link #BINARIES} on the {@code PATH}.
   */
  static Optional<Path> browser(Map<String, String> env) {
    String chosen = env.get(BROWSER_VARIABLE);
    if (chosen != null && !chosen.isBlank()) {
      Path path = Path.of(chosen.strip());
      return chosen.strip().equals("none") || !Files.isExecutable(path) ? Optional.empty() : Optional.of(path);
    }
    String path = env.get("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String name : BINARIES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** Prints {@code html} with {@code chromium} to the PDF beside it (aside, then renamed over the old one); empty when it could not. */
  static Optional<Path> print(Path html, Optional<Path> chromium) {
    return start(html, chromium).finish();
  }

  /**
   * Starts printing {@code html} and returns at once, so the caller renders its other files while
   * Chromium works (a browser start costs seconds); {@link Printing#finish} waits for the PDF.
   */
  static Printing start(Path html) {
    return start(html, browser(System.getenv()));
  }

  private static Printing start(Path html, Optional<Path> chromium) {
    String name = html.getFileName().toString().replaceFirst("\\.html$", ".pdf");
    if (chromium.isEmpty()) {
      LOG.info("no headless Chromium (none of {} on the PATH, or {} says none): {} not printed", String.join(", ", BINARIES),
          BROWSER_VARIABLE, name);
      return new Printing(null, null, html, name, null);
    }
    Path aside = html.resolveSibling("." + name + ".tmp");
    Path profile = null;
    try {
      profile = Files.createTempDirectory("bdhvs-pdf-");
      // A throwaway profile, no network: the page is self-contained and its CSP forbids fetching anyway.
      Process p = new ProcessBuilder(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--no-pdf-header-footer", "--user-data-dir=" + profile, "--print-to-pdf=" + aside.toAbsolutePath(),
          html.toAbsolutePath().toUri().toString())
          .redirectErrorStream(true).redirectOutput(profile.resolve("output.txt").toFile()).start();
      return new Printing(chromium.get(), p, html, name, profile);
    } catch (IOException e) {
      LOG.warn("cannot start {} to print {}: {}", chromium.get(), name, e.toString());
      delete(aside, profile);
      return new Printing(null, null, html, name, null);
    }
  }

  /** A PDF being printed; {@code process} is null when there is nothing to wait for. */
  static final class Printing {
    private final Path chromium;
    private final Process process;
    private final Path html;
    private final String name;
    private final Path profile;

    private Printing(Path chromium, Process process, Path html, String name, Path profile) {
      this.chromium = chromium;
      this.process = process;
      this.html = html;
      this.name = name;
      this.profile = profile;
    }

    /** Waits up to {@link #TIMEOUT_SECONDS} for the PDF and puts it in place; empty, with a log line, when there is none. */
    Optional<Path> finish() {
      if (process == null) {
        return Optional.empty();
      }
      Path aside = html.resolveSibling("." + name + ".tmp");
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
          LOG.warn("{} did not print {} within {} s: no PDF", chromium, name, TIMEOUT_SECONDS);
          return Optional.empty();
        }
        if (process.exitValue() != 0 || !Files.isRegularFile(aside) || Files.size(aside) == 0) {
          LOG.warn("{} exited {} printing {}: no PDF", chromium, process.exitValue(), name);
          return Optional.empty();
        }
        Path target = html.resolveSibling(name);
        Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return Optional.of(target);
      } catch (IOException e) {
        LOG.warn("cannot print {} with {}: {}", name, chromium, e.toString());
        return Optional.empty();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
        return Optional.empty();
      } finally {
        delete(aside, profile);
      }
    }
  }

  private static void delete(Path aside, Path profile) {
    try {
      Files.deleteIfExists(aside);
      if (profile != null) {
        try (Stream<Path> paths = Files.walk(profile)) {
          paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
      }
    } catch (IOException e) {
      LOG.debug("temporary files of the PDF left behind: {}", e.toString());
    }
  }
}
