package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;

/** The bytes a run parses are the bytes the landing scan hashed, or the file is not read. */
class ExportReaderTest extends SharedSpark {
  @TempDir Path tmp;

  /** Every line a record. */
  static final class Lines implements FileParser {
    @Override
    public StructType schema() {
      return new StructType().add("text", DataTypes.StringType);
    }

    @Override
    public void parse(Delivery file, byte[] content, ParsedRows.Sink out) {
      String[] lines = new String(content, StandardCharsets.UTF_8).split("\n");
      for (int i = 0; i < lines.length; i++) {
        out.accept(i + 1, lines[i]);
      }
    }
  }

  private Delivery delivery(Path file, String sha256) throws Exception {
    return new Delivery("contest", "contest_visits", "contest/2025-12-04/visits.csv", file.toUri().toString(),
        "2025-12-04", sha256, Files.size(file));
  }

  @Test
  void bytesAsScanned_areParsed() throws Exception {
    Path file = Files.writeString(tmp.resolve("visits.csv"), "a\nb\n");
    Dataset<Row> parsed = ExportReader.read(spark(), List.of(delivery(file, Landing.sha256(Files.readAllBytes(file)))), new Lines());
    assertEquals(2, ExportReader.countPerFile(parsed).get(0).accepted());
  }

  @Test
  void fileChangedSinceTheScan_isRejectedAsChangedAndNotParsed() throws Exception {
    Path file = Files.writeString(tmp.resolve("visits.csv"), "a\nb\n");
    // The scan hashed the file while it was still being copied: other bytes than those read now.
    Delivery scanned = delivery(file, Landing.sha256("a\n".getBytes(StandardCharsets.UTF_8)));
    Dataset<Row> parsed = ExportReader.read(spark(), List.of(scanned), new Lines());
    List<Row> rows = parsed.collectAsList();
    assertEquals(1, rows.size());
    assertEquals(ParsedRows.FILE_REJECTED, rows.get(0).getAs(ParsedRows.KIND));
    assertEquals(RejectReason.FILE_CHANGED.code(), rows.get(0).getAs(ParsedRows.REASON));
    assertEquals(0, ExportReader.countPerFile(parsed).get(0).accepted());
  }
}
