package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.FileCount;

/**
 * The parsed rows of every delivery a table holds ({@code parsed}), of those parsed in this run
 * ({@code fresh}) and what those gave before ({@code replaced}), with the per-file counts of this
 * run's files and why each was read: {@code new}, {@code changed} (new bytes at the same path) or
 * {@code reparsed} (other parser code, reference data or catalog).
 */
public record ReadResult(Dataset<Row> parsed, Dataset<Row> fresh, Dataset<Row> replaced, StructType typed,
    List<FileCount> counts, List<Delivery> files, Map<String, String> because) {

  /** The accepted records of every held delivery: the parser's typed columns and {@code source_line}. */
  public Dataset<Row> accepted() {
    return ParsedRows.accepted(parsed, typed);
  }

  /** The accepted records of the deliveries parsed in this run. */
  public Dataset<Row> acceptedThisRun() {
    return ParsedRows.accepted(fresh, typed);
  }

  /** The accepted records this run changed: those read now and those they replace. */
  public Dataset<Row> acceptedChanged() {
    return acceptedThisRun().unionByName(acceptedReplaced());
  }

  /** The accepted records the deliveries read now gave before (their earlier bytes, or an earlier parser). */
  public Dataset<Row> acceptedReplaced() {
    return ParsedRows.accepted(replaced, typed);
  }

  /** Whether this run read any delivery of the table: if not, what the table holds is unchanged. */
  public boolean changed() {
    return !files.isEmpty();
  }

  /** Rejected records and files of every held delivery in the shape of the {@code rejects} table (without source). */
  public Dataset<Row> rejects() {
    return rejects(parsed);
  }

  /** The rejects of the deliveries parsed in this run. */
  public Dataset<Row> rejectsThisRun() {
    return rejects(fresh);
  }

  private static Dataset<Row> rejects(Dataset<Row> rows) {
    return rows.filter(col(ParsedRows.KIND).isin(ParsedRows.REJECTED, ParsedRows.FILE_REJECTED))
        .select(col(ParsedRows.FILE).as("file"), col(ParsedRows.LINE).as("line"),
            col(ParsedRows.REASON).as("reason_code"), col(ParsedRows.DETAIL).as("detail"),
            col(ParsedStore.RUN).as("run_id"));
  }
}
