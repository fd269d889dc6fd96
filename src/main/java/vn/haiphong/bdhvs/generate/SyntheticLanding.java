package vn.haiphong.bdhvs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * Writes a complete synthetic landing (docs/specification.md §2) for {@code bdhvs generate}: every source, every
 * quirk, and {@code _generated/expected.json} with what the ingest must find. Deterministic: the
 * same scale and seed give the same bytes (seeded generators, ordered collections, no clock).
 */
public final class SyntheticLanding {

  private SyntheticLanding() {
  }

  /** The folders a generation writes; a previous generation's are removed first. */
  static final List<String> TOP_FOLDERS = List.of("course", "contest", "telecom", "unit-reports", "_generated");

  /**
   * Generates into {@code out}, which must be missing, empty, or hold an earlier generation (it has
   * {@code _generated/expected.json}); anything else is refused rather than mixed with real data.
   */
  public static GenerationSummary generate(Path out, Scale scale, long seed) {
    prepare(out);
    ExpectedLedger ledger = new ExpectedLedger(scale, seed);
    LandingFolder landing = new LandingFolder(out, ledger);
    WardDirectory wardDirectory = WardDirectory.load();
    TargetGroupLabels labels = TargetGroupLabels.load();
    CourseCatalog catalog = CourseCatalog.loadDefault();
    // One generator per source, split from the seed: a change in one source leaves the others' bytes alone.
    SplittableRandom root = new SplittableRandom(seed);
    PersonFields fields = new PersonFields(new SyntheticPeople(root.split()),
        new WardFields(wardDirectory, landing.quirks), new TargetGroupFields(labels, landing.quirks));

    new CourseCatalogExport(landing, catalog, labels).generate();
    // Persons only the linkage joins draw from a stream of their own: the other learners stay as they were.
    SplittableRandom linkage = new SplittableRandom(~seed);
    LmsSnapshots lms = new LmsSnapshots(landing, root.split(), linkage, fields, scale, catalog);
    lms.plan();
    XapiStatements mooc = new XapiStatements(landing, root.split(), fields, scale, catalog);
    mooc.plan();
    ContestRegistrations registrations = new ContestRegistrations(landing, root.split(), fields, scale);
    registrations.generate();
    new ContestActivity(landing, root.split(), scale).generate(registrations.countedCandidates(), registrations.countedTimes());
    plantPersonsAcrossSources(registrations, lms, mooc, linkage, ledger);
    lms.write();
    mooc.write();
    new TelecomExports(landing, root.split(), wardDirectory).generate();
    // The city's decisions draw from a stream of their own, split last: the reports' bytes stay what they were.
    new UnitReportDocuments(landing, root.split(), root.split(), wardDirectory).generate();
    ledger.write(out);
    long rows = ledger.files().stream().mapToLong(f -> f.rows).sum();
    return new GenerationSummary(out, scale, seed, ledger.files().size(), rows, ledger.sources(), ledger.facts());
  }

  /** Contest registrants who also learn on the city LMS (by their phone alone), half of them on the MOOC too. */
  static final int CONTEST_AND_LMS = 2;
  static final int CONTEST_LMS_AND_MOOC = 2;

  /**
   * One person in several sources, joined by no key any source shares with all the others
   * (docs/specification.md §4.1): a contest registration with CCCD and phone, a December LMS enrolment with
   * the phone alone, and for some a December MOOC registration verified by VNeID (the CCCD). Nothing in the
   * seed month changes; the ledger records how many persons span two and three sources.
   */
  private static void plantPersonsAcrossSources(ContestRegistrations registrations, LmsSnapshots lms,
      XapiStatements mooc, SplittableRandom linkage, ExpectedLedger ledger) {
    List<ContestRegistrations.Registrant> registrants =
        registrations.registrantsWithCccdAndPhone(CONTEST_AND_LMS + CONTEST_LMS_AND_MOOC, linkage);
    lms.enrolFromContest(registrants);
    List<ContestRegistrations.Registrant> onTheMooc = registrants.subList(0, Math.min(CONTEST_LMS_AND_MOOC, registrants.size()));
    mooc.registerFromContest(onTheMooc, linkage);
    ledger.fact("linkage_persons_in_two_sources", registrants.size() - onTheMooc.size());
    ledger.fact("linkage_persons_in_three_sources", onTheMooc.size());
  }

  private static void prepare(Path out) {
    try {
      if (Files.isDirectory(out)) {
        boolean empty;
        try (Stream<Path> children = Files.list(out)) {
          empty = children.findAny().isEmpty();
        }
        if (!empty && !Files.exists(out.resolve(GenerationSummary.EXPECTED_JSON))) {
          throw new IllegalArgumentException(out + " is not empty and holds no earlier generation ("
              + GenerationSummary.EXPECTED_JSON + "): choose an empty or new folder");
        }
        for (String folder : TOP_FOLDERS) {
          deleteTree(out.resolve(folder));
        }
      }
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + out, e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
