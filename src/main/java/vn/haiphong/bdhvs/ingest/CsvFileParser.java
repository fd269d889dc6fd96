package vn.haiphong.bdhvs.ingest;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.landing.Delivery;

/** A {@link FileParser} for CSV exports: file checks by {@link CsvExport}, rows by a {@link RecordParser}. */
public final class CsvFileParser implements FileParser {
  private static final int NAMES_NOTED = 10;

  private final TableContract input;
  private final RecordParser<RecordFields> rows;

  public CsvFileParser(TableContract input, RecordParser<RecordFields> rows) {
    this.input = input;
    this.rows = rows;
  }

  @Override
  public StructType schema() {
    return rows.schema();
  }

  @Override
  public void parse(Delivery file, byte[] content, ParsedRows.Sink out) {
    CsvExport export;
    try {
      export = CsvExport.open(content, input);
    } catch (FileRejected e) {
      out.rejectFile(e.reason(), e.getMessage(), CsvExport.roughDataLines(content));
      return;
    }
    if (!export.extraHeaders().isEmpty()) {
      out.note("ignored unknown column(s) " + firstFew(export.extraHeaders()));
    }
    if (!export.repeatedHeaders().isEmpty()) {
      out.note("column(s) " + firstFew(export.repeatedHeaders())
          + " appear more than once in the header; the first is read, the others ignored");
    }
    if (!export.missingOptionalHeaders().isEmpty()) {
      out.note("optional column(s) absent, values left empty: "
          + String.join(", ", export.missingOptionalHeaders()));
    }
    Iterator<CsvRecord> records = export.records();
    while (records.hasNext()) {
      CsvRecord record = records.next();
      try {
        record.checkShape();
        RecordFields fields = new RecordFields(input, record::get);
        out.accept(record.line(), rows.parse(fields, file));
      } catch (RecordRejected e) {
        out.reject(record.line(), e.reason(), e.getMessage());
      }
    }
  }

  /**
   * The first {@value #NAMES_NOTED} names and how many more: a note goes into the run manifest,
   * which a header of a million columns must not blow up.
   */
  private static String firstFew(List<String> names) {
    if (names.size() <= NAMES_NOTED) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, NAMES_NOTED)) + " and " + (names.size() - NAMES_NOTED) + " more";
  }
}
