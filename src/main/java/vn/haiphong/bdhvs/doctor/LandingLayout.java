package vn.haiphong.bdhvs.doctor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * The landing's layout, checked by file name only (nothing is read or hashed, so it is quick on a
 * year of deliveries): which files fit docs/specification.md §2 per source and over which days, which do not and
 * will be rejected, empty files, and the common mistake of naming the folder above the landing.
 */
final class LandingLayout {
  private static final int EXAMPLES = 3;

  private LandingLayout() {}

  static List<Finding> check(String landing) {
    String subject = "landing";
    // A landing root is a root like the warehouse's: the same rule says whether it is a local folder.
    Optional<Path> local = Warehouse.localFolder(landing);
    if (local.isEmpty()) {
      return List.of(Finding.ok(subject, landing + " is not a local folder: Spark reads it; not checked here"));
    }
    Path root = local.get();
    if (!Files.isDirectory(root)) {
      return List.of(Finding.fix(subject, Landing.missingRoot(landing).getMessage()));
    }
    Map<String, TreeSet<String>> folders = new TreeMap<>();
    Map<String, Integer> files = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    List<String> empty = new ArrayList<>();
    for (String relative : files(root)) {
      Optional<Landing.Slot> slot = Landing.slotOf(relative);
      if (slot.isEmpty()) {
        unexpected.add(relative);
        continue;
      }
      folders.computeIfAbsent(slot.get().source(), s -> new TreeSet<>()).add(slot.get().folder());
      files.merge(slot.get().source(), 1, Integer::sum);
      if (size(root.resolve(relative)) == 0) {
        empty.add(relative);
      }
    }
    List<Finding> findings = new ArrayList<>();
    if (files.isEmpty()) {
      findings.add(Finding.fix(subject, "no delivery found under " + root + nestedHint(root) + "; expected files such as "
          + String.join(", ", expectedPaths())));
      return findings;
    }
    findings.add(Finding.ok(subject, root + ": " + Landing.SOURCES.stream().filter(files::containsKey)
        .map(s -> s + " " + files.get(s) + " files (" + folders.get(s).first() + " … " + folders.get(s).last() + ")")
        .collect(Collectors.joining(", "))));
    for (String source : Landing.SOURCES) {
      if (!files.containsKey(source)) {
        findings.add(Finding.warn(subject, "no deliveries under " + source + "/: the indicators of that source"
            + " will stay empty until its exports arrive"));
      }
    }
    if (!unexpected.isEmpty()) {
      findings.add(Finding.warn(subject, unexpected.size() + " file(s) fit no layout rule and will be rejected as"
          + " file_unexpected, e.g. " + examples(unexpected) + "; expected paths such as "
          + String.join(", ", expectedPaths())));
    }
    if (!empty.isEmpty()) {
      findings.add(Finding.warn(subject, empty.size() + " empty file(s) will be rejected whole, e.g. " + examples(empty)));
    }
    return findings;
  }

  /** The layout of docs/specification.md §2 as the input contracts write it, e.g. {@code contest/<YYYY-MM-DD>/visits.csv}. */
  static List<String> expectedPaths() {
    return TableContract.all().stream().filter(t -> t.kind().equals("input")).map(TableContract::path).toList();
  }

  /** Names the sub-folder that holds the landing when the user named the folder above it. */
  private static String nestedHint(Path root) {
    try (Stream<Path> children = Files.list(root)) {
      return children.filter(Files::isDirectory)
          .filter(c -> Landing.SOURCES.stream().anyMatch(s -> Files.isDirectory(c.resolve(s))))
          .findFirst().map(c -> " (did you mean --landing " + c + "?)").orElse("");
    } catch (IOException e) {
      return "";
    }
  }

  private static List<String> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString().replace('\\', '/'))
          .filter(r -> !Landing.isTooling(r)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the landing " + root, e);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  private static String examples(List<String> paths) {
    return paths.stream().limit(EXAMPLES).collect(Collectors.joining(", "))
        + (paths.size() > EXAMPLES ? " and " + (paths.size() - EXAMPLES) + " more" : "");
  }
}
