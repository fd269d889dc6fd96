package vn.haiphong.bdhvs.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.codes.RejectReason;

/**
 * Everything the generator knows by construction, written to {@code _generated/expected.json} for
 * the integration test to reconcile with what the ingest finds. Only sorted or insertion-ordered
 * maps, so that the same seed gives the same bytes.
 */
final class ExpectedLedger {

  /** What one landed file should give the ingest. */
  static final class FileEntry {
    final String path;
    final String source;
    final String table;
    int rows;
    RejectReason fileReject;
    final Map<String, Integer> rejected = new TreeMap<>();
    final Map<String, Integer> flags = new TreeMap<>();
    String replaces;

    FileEntry(String path, String source, String table) {
      this.path = path;
      this.source = source;
      this.table = table;
    }

    void row() {
      rows++;
    }

    /** A data row the ingest must reject (it is also a row written). */
    void rejectedRow(RejectReason reason) {
      rows++;
      rejected.merge(reason.code(), 1, Integer::sum);
    }

    void flag(QualityFlag flag) {
      flags.merge(flag.code(), 1, Integer::sum);
    }

    int rejectedRows() {
      return rejected.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Rows staged: none when the whole file is rejected. */
    int acceptedRows() {
      return fileReject != null ? 0 : rows - rejectedRows();
    }

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", path);
      m.put("source", source);
      m.put("table", table);
      m.put("rows", rows);
      m.put("rows_accepted", acceptedRows());
      // As the ingest counts them: every row of a rejected file is a rejected row.
      m.put("rows_rejected", fileReject != null ? rows : rejectedRows());
      m.put("rejected_by_reason", fileReject != null ? Map.of() : rejected);
      m.put("file_reject", fileReject == null ? null : fileReject.code());
      m.put("flags", fileReject != null ? Map.of() : flags);
      if (replaces != null) {
        m.put("replaces", replaces);
      }
      return m;
    }
  }

  private final Scale scale;
  private final long seed;
  private final List<FileEntry> files = new ArrayList<>();
  private final Map<String, Long> quirks = new TreeMap<>();
  private final Map<String, Object> facts = new LinkedHashMap<>();

  ExpectedLedger(Scale scale, long seed) {
    this.scale = scale;
    this.seed = seed;
  }

  FileEntry file(String source, String table, String path) {
    FileEntry entry = new FileEntry(path, source, table);
    files.add(entry);
    return entry;
  }

  void quirk(String name) {
    quirk(name, 1);
  }

  void quirk(String name, long count) {
    if (count > 0) {
      quirks.merge(name, count, Long::sum);
    }
  }

  void fact(String name, Object value) {
    facts.put(name, value);
  }

  List<FileEntry> files() {
    return files;
  }

  Map<String, Long> quirks() {
    return quirks;
  }

  Map<String, Object> facts() {
    return facts;
  }

  /** Per source: files, rows, accepted, rejected, and reasons (record and whole-file). */
  Map<String, Map<String, Object>> sources() {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (FileEntry f : files) {
      Map<String, Object> s = out.computeIfAbsent(f.source, k -> new LinkedHashMap<>());
      add(s, "files", 1);
      add(s, "files_rejected", f.fileReject == null ? 0 : 1);
      add(s, "rows", f.rows);
      add(s, "rows_accepted", f.acceptedRows());
      add(s, "rows_rejected", f.fileReject == null ? f.rejectedRows() : 0);
      @SuppressWarnings("unchecked")
      Map<String, Object> reasons =
          (Map<String, Object>) s.computeIfAbsent("rejected_by_reason", k -> new TreeMap<>());
      if (f.fileReject != null) {
        add(reasons, f.fileReject.code(), 1);
      } else {
        f.rejected.forEach((code, n) -> add(reasons, code, n));
      }
    }
    return out;
  }

  /** Kept rows carrying each data-quality flag, over all sources and per source. */
  Map<String, Object> qualityFlags() {
    Map<String, Object> total = new TreeMap<>();
    Map<String, Map<String, Object>> bySource = new TreeMap<>();
    for (FileEntry f : files) {
      if (f.fileReject != null) {
        continue;
      }
      f.flags.forEach((code, n) -> {
        add(total, code, n);
        add(bySource.computeIfAbsent(f.source, k -> new TreeMap<>()), code, n);
      });
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("total", total);
    out.put("by_source", bySource);
    return out;
  }

  private static void add(Map<String, Object> m, String key, long n) {
    m.merge(key, n, (a, b) -> ((Number) a).longValue() + ((Number) b).longValue());
  }

  Map<String, Object> json() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> generator = new LinkedHashMap<>();
    generator.put("scale", scale.label());
    generator.put("seed", seed);
    generator.put("first_day", DeliveryCalendar.FIRST_DAY.toString());
    generator.put("last_delivery", DeliveryCalendar.LAST_DELIVERY.toString());
    root.put("generator", generator);
    root.put("facts", facts);
    root.put("sources", sources());
    root.put("quality_flags", qualityFlags());
    root.put("quirks", quirks);
    root.put("files", files.stream().map(FileEntry::json).toList());
    return root;
  }

  void write(Path out) {
    try {
      Path target = out.resolve("_generated/expected.json");
      Files.createDirectories(target.getParent());
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), json());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
