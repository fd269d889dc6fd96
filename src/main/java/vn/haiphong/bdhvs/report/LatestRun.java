package vn.haiphong.bdhvs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The latest run manifest {@code runs/<run_id>.json} and, per source, its newest delivery: the
 * report's source freshness. Read with Jackson rather than DuckDB's read_json because the
 * manifest keys its sources by name, which read_json would turn into one struct field per source.
 */
record LatestRun(String runId, String finishedAt, String status, List<SourceFreshness> sources) {

  /** One source as the warehouse holds it after the run: its newest delivery folder (a date, or a month for telecom) and its counts. */
  record SourceFreshness(String source, String latestDelivery, int files, long rowsRead, long rowsRejected) {}

  private static final Pattern FOLDER = Pattern.compile("(?:^|/)(\\d{4}-\\d{2}(?:-\\d{2})?)/");

  static Optional<LatestRun> read(Path warehouseRoot) {
    Path runs = warehouseRoot.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    // Run ids are run-yyyyMMddTHHmmssZ: the name order is the time order.
    try (Stream<Path> files = Files.list(runs)) {
      Optional<Path> latest = files.filter(p -> p.getFileName().toString().matches("run-.*\\.json"))
          .max(Comparator.comparing(p -> p.getFileName().toString()));
      return latest.isEmpty() ? Optional.empty() : Optional.of(parse(new ObjectMapper().readTree(latest.get().toFile())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run manifests in " + runs, e);
    }
  }

  static LatestRun parse(JsonNode manifest) {
    List<SourceFreshness> sources = new ArrayList<>();
    manifest.path("sources").fields().forEachRemaining(entry -> {
      JsonNode s = entry.getValue();
      // An incremental run reads only the night's files: what the warehouse holds is in "held".
      JsonNode held = s.path("held");
      if (held.isObject()) {
        sources.add(new SourceFreshness(entry.getKey(), held.path("latest_delivery").textValue(),
            held.path("files").asInt(), held.path("rows_read").asLong(), held.path("rows_rejected").asLong()));
        return;
      }
      String latest = null;
      for (JsonNode file : s.path("files")) {
        Matcher m = FOLDER.matcher(file.path("path").asText());
        if (m.find() && (latest == null || m.group(1).compareTo(latest) > 0)) {
          latest = m.group(1);
        }
      }
      sources.add(new SourceFreshness(entry.getKey(), latest, s.path("files").size(),
          s.path("rows_read").asLong(), s.path("rows_rejected").asLong()));
    });
    return new LatestRun(manifest.path("run_id").asText(), manifest.path("finished_at").asText(),
        manifest.path("status").asText(), List.copyOf(sources));
  }
}
