package vn.haiphong.bdhvs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * Writes a complete synthetic landing (SPEC §2) for {@code bdhvs generate}: every source, every
 * quirk, and {@code _generated/expected.json} with what the ingest must find. Deterministic: the
 * same scale and seed give the same bytes (seeded generators, ordered collections, no clock).
 */
public final class SyntheticLanding {

  private SyntheticLanding() {
  }

  public static GenerationSummary generate(Path out, Scale scale, long seed) {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out, e);
    }
    ExpectedLedger ledger = new ExpectedLedger(scale, seed);
    LandingFolder landing = new LandingFolder(out, ledger);
    WardDirectory wardDirectory = WardDirectory.load();
    TargetGroupLabels labels = TargetGroupLabels.load();
    CourseCatalog catalog = CourseCatalog.loadDefault();
    // One generator per source, split from the seed: a change in one source leaves the others' bytes alone.
    SplittableRandom root = new SplittableRandom(seed);
    WardFields wards = new WardFields(wardDirectory, landing.quirks);
    TargetGroupFields groups = new TargetGroupFields(labels, landing.quirks);
    SyntheticPeople people = new SyntheticPeople(root.split());

    new CourseCatalogExport(landing, catalog, labels).generate();
    new LmsSnapshots(landing, root.split(), people, wards, groups, scale, catalog).generate();
    new XapiStatements(landing, root.split(), people, wards, groups, scale, catalog).generate();
    ContestRegistrations registrations = new ContestRegistrations(landing, root.split(), people, wards, groups, scale);
    registrations.generate();
    new ContestActivity(landing, root.split(), scale).generate(registrations.countedCandidates(), registrations.countedTimes());
    new TelecomExports(landing, root.split(), wardDirectory).generate();
    new UnitReportDocuments(landing, root.split(), wardDirectory).generate();
    ledger.write(out);
    long rows = ledger.files().stream().mapToLong(f -> f.rows).sum();
    return new GenerationSummary(out, scale, seed, ledger.files().size(), rows, ledger.sources(), ledger.facts());
  }
}
