package vn.haiphong.bdhvs.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.job.JobGraph;

/**
 * The latest run manifest {@code runs/<run_id>.json} and, per source, its newest delivery: the
 * report's source freshness. Under Airflow every job is a run of its own with its own manifest, so
 * each source comes from the newest manifest that has it, reading back until every job of the
 * graph has been seen. Read with Jackson rather than DuckDB's read_json because the manifest keys
 * its sources by name, which read_json would turn into one struct field per source.
 */
record LatestRun(String runId, String finishedAt, String status, List<SourceFreshness> sources, List<DataTest> dataTests) {

  /** One source as the warehouse holds it after the run: its newest delivery folder (a date, or a month for telecom) and its counts. */
  record SourceFreshness(String source, String latestDelivery, int files, long rowsRead, long rowsRejected) {}

  /** One data test of a table the run wrote (the manifest's data_tests): its severity and failing rows. */
  record DataTest(String table, String expectation, String kind, String severity, long failingRows) {}

  private static final Pattern FOLDER = Pattern.compile("(?:^|/)(\\d{4}-\\d{2}(?:-\\d{2})?)/");

  static Optional<LatestRun> read(Path warehouseRoot) {
    Path runs = warehouseRoot.resolve("runs");
    if (!Files.isDirectory(runs)) {
      return Optional.empty();
    }
    // Run ids are run-yyyyMMddTHHmmssZ[-job]: the name order is the time order.
    List<Path> newestFirst;
    try (Stream<Path> files = Files.list(runs)) {
      newestFirst = files.filter(p -> p.getFileName().toString().matches("run-.*\\.json"))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the run manifests in " + runs, e);
    }
    if (newestFirst.isEmpty()) {
      return Optional.empty();
    }
    ObjectMapper json = new ObjectMapper();
    Set<String> unseenJobs = new HashSet<>(JobGraph.load().jobs().stream().map(JobGraph.Node::name).toList());
    Set<String> untested = tablesWithTests(warehouseRoot);
    Map<String, SourceFreshness> sources = new LinkedHashMap<>();
    Map<String, List<DataTest>> tests = new LinkedHashMap<>();
    LatestRun newest = null;
    for (Path manifestFile : newestFirst) {
      JsonNode manifest;
      try {
        manifest = json.readTree(manifestFile.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the run manifest " + manifestFile, e);
      }
      LatestRun run = parse(manifest);
      newest = newest == null ? run : newest;
      if (!unseenJobs.isEmpty()) {
        run.sources().forEach(s -> sources.putIfAbsent(s.source(), s));
        // A manifest without "jobs" comes from a whole-pipeline run.
        if (manifest.has("jobs")) {
          manifest.get("jobs").forEach(job -> unseenJobs.remove(job.asText()));
        } else {
          unseenJobs.clear();
        }
      }
      // Each table as its newest test found it: a run tests the tables it wrote, and a table kept as
      // published was last tested by an earlier run, so reading goes back until every table has its test.
      Map<String, List<DataTest>> byTable = new LinkedHashMap<>();
      run.dataTests().forEach(t -> byTable.computeIfAbsent(t.table(), k -> new ArrayList<>()).add(t));
      byTable.forEach(tests::putIfAbsent);
      untested.removeAll(byTable.keySet());
      if (unseenJobs.isEmpty() && untested.isEmpty()) {
        break;
      }
    }
    return Optional.of(new LatestRun(newest.runId(), newest.finishedAt(), newest.status(), List.copyOf(sources.values()),
        tests.values().stream().flatMap(List::stream).toList()));
  }

  /**
   * The tables the warehouse holds whose contracts have data tests, by the name a manifest's data_tests
   * give them: the staged tables, the cubes, the quality flags and (one contract for every source) the rejects.
   */
  private static Set<String> tablesWithTests(Path warehouseRoot) {
    Set<String> present = new HashSet<>();
    for (String folder : List.of("staged", "cubes", "quality")) {
      Path dir = warehouseRoot.resolve(folder);
      if (Files.isDirectory(dir)) {
        try (Stream<Path> children = Files.list(dir)) {
          children.filter(Files::isDirectory).forEach(p -> present.add(p.getFileName().toString()));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot list " + dir, e);
        }
      }
    }
    if (Files.isDirectory(warehouseRoot.resolve("rejects"))) {
      present.add("rejects");
    }
    Set<String> tables = new HashSet<>();
    for (TableContract c : TableContract.all()) {
      if ((c.kind().equals("staged") || c.kind().equals("output")) && present.contains(c.table()) && !c.dataTests().isEmpty()) {
        tables.add(c.table());
      }
    }
    return tables;
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
    List<DataTest> tests = new ArrayList<>();
    for (JsonNode t : manifest.path("data_tests")) {
      tests.add(new DataTest(t.path("table_name").asText(), t.path("expectation").asText(), t.path("kind").asText(),
          t.path("severity").asText(), t.path("failing_rows").asLong()));
    }
    return new LatestRun(manifest.path("run_id").asText(), manifest.path("finished_at").asText(),
        manifest.path("status").asText(), List.copyOf(sources), List.copyOf(tests));
  }
}
