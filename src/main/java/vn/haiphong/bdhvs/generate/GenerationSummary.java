package vn.haiphong.bdhvs.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What {@link SyntheticLanding#generate} wrote: counts per source and the seed-report facts, for
 * the CLI to print. The full detail is in {@code _generated/expected.json}.
 */
public record GenerationSummary(Path out, Scale scale, long seed, int files, long rows,
    Map<String, Map<String, Object>> sources, Map<String, Object> facts) {

  public static final String EXPECTED_JSON = "_generated/expected.json";

  public Path expectedJson() {
    return out.resolve(EXPECTED_JSON);
  }

  /** One line per source and per fact. */
  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("generated %s scale (seed %d) into %s: %d files, %d rows", scale.label(), seed, out, files, rows));
    sources.forEach((source, s) -> lines.add(String.format("  %-13s %5s files, %9s rows (%s rejected rows, %s rejected files)",
        source, s.get("files"), s.get("rows"), s.get("rows_rejected"), s.get("files_rejected"))));
    lines.add("  facts:");
    facts.forEach((name, value) -> lines.add(String.format("    %-45s %s", name, value)));
    lines.add("  expected counts: " + expectedJson());
    return lines;
  }

  @Override
  public String toString() {
    return String.join(System.lineSeparator(), lines());
  }
}
