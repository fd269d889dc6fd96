package vn.haiphong.bdhvs.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.ingest.reports.ApprovalParser;
import vn.haiphong.bdhvs.ingest.reports.ReportPeriod;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * {@code bdhvs approve}: a city analyst's decision on a unit's report, added to today's
 * unit-reports/approvals/&lt;day&gt;/approvals.csv in the landing (docs/specification.md §2.5), which the next
 * run reads. The file is rewritten whole through a temporary file moved into place, so a run never
 * reads half a line, and under a lock, so two analysts deciding at once both keep their line.
 */
@Command(name = "approve", mixinStandardHelpOptions = true,
    description = {"Approve or return a unit's report for a period: an approved unit x period is locked on the version "
        + "approved until it is returned.", "Writes unit-reports/approvals/<today>/approvals.csv in the landing; "
        + "the next run reads it."},
    footer = {"", "Examples:",
        "  bdhvs approve --landing /data/landing --unit UB-10507 --period 2025-11 --decision approved",
        "  bdhvs approve --landing /data/landing --unit SO-GDDT --period 2025-Q3 --decision returned --role city_analyst",
        "  bdhvs approve --landing /data/landing --unit UB-10507 --period 2025-11 --decision approved --version 2",
        "", "Without --version the decision is on the latest version submitted by now."})
final class ApproveCommand implements Callable<Integer> {
  static final String FILE = "approvals.csv";
  private static final String LOCK = ".approvals.lock";

  @Option(names = "--landing", required = true, description = "landing root folder")
  Path landing;

  @Option(names = "--unit", required = true, description = "reporting unit code of reference/reporting_units.csv")
  String unit;

  @Option(names = "--period", required = true, description = "the period: 2025-11, 2025-Q4, 2025-H2 or 2025")
  String period;

  @Option(names = "--decision", required = true, description = "approved or returned")
  String decision;

  @Option(names = "--version", description = "the version decided on, 1, 2, ... (default: the latest submitted by now)")
  Integer version;

  @Option(names = "--role", defaultValue = "city_analyst", description = "the approver's role, never a name "
      + "(default ${DEFAULT-VALUE})")
  String role;

  Clock clock = Clock.system(ExportValues.LOCAL_ZONE);

  @Override
  public Integer call() {
    if (!Files.isDirectory(landing)) {
      throw Landing.missingRoot(landing.toString());
    }
    ReportingUnit reporting = ReportingUnits.load(WardDirectory.load()).byCode(unit).orElseThrow(() -> new UserError(
        "--unit '" + unit + "' is not a unit of reference/reporting_units.csv; expected a code like UB-10507 or SO-GDDT"));
    ReportPeriod decided;
    try {
      decided = ReportPeriod.ofLabel(period);
    } catch (IllegalArgumentException e) {
      throw new UserError("--period: " + e.getMessage(), e);
    }
    String d;
    try {
      d = ApprovalParser.decision(decision);
    } catch (IllegalArgumentException e) {
      throw new UserError("--decision: " + e.getMessage(), e);
    }
    if (version != null && version < 1) {
      throw new UserError("--version " + version + ": expected a version number 1, 2, ...");
    }
    if (!role.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new UserError("--role '" + role + "': expected a role code like city_analyst (letters, digits, _ or -), "
          + "never a person's name");
    }
    OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    LocalDate today = now.toLocalDate();
    if (decided.start().isAfter(today)) {
      throw new UserError("--period " + decided.label() + " has not begun (it begins " + decided.start()
          + "); a decision is on a report already submitted");
    }
    Path file = landing.resolve("unit-reports/approvals").resolve(today.toString()).resolve(FILE);
    String line = String.join(",", reporting.code(), decided.label(), version == null ? "" : version.toString(), "", d,
        role, now.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    append(file, line);
    System.out.println("bdhvs: " + reporting.code() + " " + decided.label() + " " + d + " — added to " + file
        + "; the next run reads it");
    return Main.OK;
  }

  /** Adds {@code line} to {@code file} (a header first when new): a temporary file beside it, moved over it. */
  private static void append(Path file, String line) {
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel lockFile = FileChannel.open(file.resolveSibling(LOCK), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : header() + "\n";
        if (!before.isEmpty() && !before.endsWith("\n")) {
          before += "\n";
        }
        // A name starting with '.' is tooling to the landing scan: never read as a delivery.
        Path temp = Files.createTempFile(file.getParent(), ".approvals-", ".tmp");
        try {
          Files.writeString(temp, before + line + "\n", StandardCharsets.UTF_8);
          move(temp, file);
        } finally {
          Files.deleteIfExists(temp);
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static void move(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("the file system cannot replace a file atomically", e);
    }
  }

  /** The header of the input contract, in its column order. */
  static String header() {
    List<String> headers = TableContract.load("input", "unit_report_approvals").columns().stream()
        .map(ColumnContract::header).toList();
    return String.join(",", headers);
  }
}
