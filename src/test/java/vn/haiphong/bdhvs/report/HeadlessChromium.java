package vn.haiphong.bdhvs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.DebianPackage;

/**
 * Debian's {@code chromium}, headless, for tests that look at the report as a browser does;
 * installed on first use when absent ({@link DebianPackage}).
 */
final class HeadlessChromium {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private HeadlessChromium() {}

  /** The browser, installed first when absent. */
  static Path installed() {
    DebianPackage.ensure(BINARY, "chromium");
    return BINARY;
  }

  /** The DOM after loading {@code html}, serialized by Chromium. */
  static String dumpDom(Path html) {
    return browse(html, "--dump-dom");
  }

  /** What a reader of the page at {@code width} px sees: how wide and tall it lays out, and its visible text. */
  record Layout(int scrollWidth, int innerWidth, int scrollHeight, String innerText) {}

  /** A page laid out in a window {@code width} px wide. */
  record Window(Path html, int width) {}

  /**
   * Loads each page in a frame of its width inside one harness page whose script, once the harness has loaded
   * (which waits for every frame), reads every frame's layout (the report itself forbids scripts) and dumps it:
   * one Chromium for them all, as each start costs seconds. File pages may read each other only with
   * {@code --allow-file-access-from-files}.
   */
  static Map<Window, Layout> layouts(List<Window> windows) {
    StringBuilder frames = new StringBuilder();
    for (int i = 0; i < windows.size(); i++) {
      frames.append("<iframe src=\"%s\" style=\"border:0;width:%dpx;height:900px\"></iframe>\n"
          .formatted(windows.get(i).html().toAbsolutePath().toUri(), windows.get(i).width()));
    }
    try {
      Path harness = Files.createTempFile("bdhvs-layout-", ".html");
      try {
        Files.writeString(harness, """
            <!DOCTYPE html><html><body style="margin:0">
            %s<pre id="out"></pre>
            <script>
            window.addEventListener('load', () => {
              const json = JSON.stringify([...document.querySelectorAll('iframe')].map(f => {
                const w = f.contentWindow, d = w.document;
                return {scrollWidth: d.documentElement.scrollWidth, innerWidth: w.innerWidth,
                    scrollHeight: d.documentElement.scrollHeight, innerText: d.body.innerText};
              }));
              document.getElementById('out').textContent = btoa(String.fromCharCode(...new TextEncoder().encode(json)));
            });
            </script></body></html>
            """.formatted(frames), StandardCharsets.UTF_8);
        String dom = browse(harness, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom");
        Matcher out = Pattern.compile("<pre id=\"out\">([A-Za-z0-9+/=]+)</pre>").matcher(dom);
        if (!out.find()) {
          throw new AssertionError("the harness read no layout of " + windows + ": " + dom.substring(0, Math.min(500, dom.length())));
        }
        JsonNode read = new ObjectMapper().readTree(Base64.getDecoder().decode(out.group(1)));
        Map<Window, Layout> layouts = new LinkedHashMap<>();
        for (int i = 0; i < windows.size(); i++) {
          JsonNode j = read.get(i);
          layouts.put(windows.get(i), new Layout(j.get("scrollWidth").asInt(), j.get("innerWidth").asInt(),
              j.get("scrollHeight").asInt(), j.get("innerText").asText()));
        }
        return layouts;
      } finally {
        Files.deleteIfExists(harness);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot measure " + windows, e);
    }
  }

  /** A PNG of the page at {@code width} × {@code height}. */
  static void screenshot(Path html, Path png, int width, int height) {
    browse(html, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, "--hide-scrollbars");
    if (!Files.isRegularFile(png)) {
      throw new AssertionError("chromium wrote no screenshot " + png);
    }
  }

  private static String browse(Path html, String... action) {
    DebianPackage.ensure(BINARY, "chromium");
    Path profile = null;
    try {
      profile = Files.createTempDirectory("bdhvs-chromium-");
      List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--user-data-dir=" + profile));
      command.addAll(List.of(action));
      command.add(html.toAbsolutePath().toUri().toString());
      Path err = profile.resolve("stderr.txt");
      Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
      p.getOutputStream().close();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("chromium did not finish in 120 s: " + command);
      }
      if (p.exitValue() != 0) {
        throw new AssertionError("chromium exited " + p.exitValue() + ": " + Files.readString(err));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + BINARY, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A leftover temp profile is harmless.
    }
  }
}
