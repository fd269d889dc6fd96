package vn.haiphong.bdhvs.ingest;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/** The parsed rows of a set of files, with their per-file counts. Release with {@link #close()}. */
public record ReadResult(Dataset<Row> parsed, StructType typed, List<FileCount> counts,
    List<Delivery> files) implements AutoCloseable {

  /** The accepted records: the parser's typed columns and {@code source_line}. */
  public Dataset<Row> accepted() {
    return ParsedRows.accepted(parsed, typed);
  }

  /** Rejected records and files in the shape of the {@code rejects} table (without source and run). */
  public Dataset<Row> rejects() {
    return parsed.filter(col(ParsedRows.KIND).isin(ParsedRows.REJECTED, ParsedRows.FILE_REJECTED))
        .select(col(ParsedRows.FILE).as("file"), col(ParsedRows.LINE).as("line"),
            col(ParsedRows.REASON).as("reason_code"), col(ParsedRows.DETAIL).as("detail"));
  }

  @Override
  public void close() {
    parsed.unpersist();
  }
}
