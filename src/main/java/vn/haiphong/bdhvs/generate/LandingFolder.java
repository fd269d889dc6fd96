package vn.haiphong.bdhvs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * The landing root being written: every export goes through here, so each file is registered in
 * the ledger with its source and contract, and every CSV goes through the shared {@link ExportWriter}.
 */
final class LandingFolder {

  /** A CSV file being filled: rows go to the export and the ledger together. */
  final class CsvFile {
    final ExpectedLedger.FileEntry entry;
    final ExportWriter export;
    final CsvDialect dialect;

    private CsvFile(ExpectedLedger.FileEntry entry, ExportWriter export, CsvDialect dialect) {
      this.entry = entry;
      this.export = export;
      this.dialect = dialect;
    }

    void row(java.util.List<String> values) {
      export.row(values);
      entry.row();
    }

    void rejectedRow(java.util.List<String> values, vn.haiphong.bdhvs.codes.RejectReason reason) {
      export.row(values);
      entry.rejectedRow(reason);
    }

    /** A row whose field count is off by {@code delta}: the ingest rejects it as wrong_field_count. */
    void rowWithWrongFieldCount(java.util.List<String> values, int delta) {
      export.rowWithWrongFieldCount(values, delta);
      entry.rejectedRow(vn.haiphong.bdhvs.codes.RejectReason.WRONG_FIELD_COUNT);
      quirks.quirk(delta < 0 ? "row_too_few_fields" : "row_too_many_fields");
    }

    void close() {
      write(entry.path, export.bytes());
      quirks.tally(dialect);
    }
  }

  private final Path root;
  final ExpectedLedger ledger;
  final QuirkPlan quirks;

  LandingFolder(Path root, ExpectedLedger ledger) {
    this.root = root;
    this.ledger = ledger;
    this.quirks = new QuirkPlan(ledger);
  }

  CsvFile csv(String table, String path) {
    return csv(table, path, quirks.nextDialect());
  }

  CsvFile csv(String table, String path, CsvDialect dialect) {
    TableContract contract = Contracts.of(table);
    ExpectedLedger.FileEntry entry = ledger.file(contract.source(), table, path);
    return new CsvFile(entry, new ExportWriter(contract, dialect), dialect);
  }

  void write(String relativePath, byte[] bytes) {
    try {
      Path target = root.resolve(relativePath);
      Files.createDirectories(target.getParent());
      Files.write(target, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
