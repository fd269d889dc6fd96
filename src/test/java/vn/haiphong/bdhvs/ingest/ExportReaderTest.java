package vn.haiphong.bdhvs.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.Landing;

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
        "2025-12-04", sha256, Files.size(file), null, null);
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

  @Test
  void fileNamesAUnitCanSend_areReadUnderTheirExactName() throws Exception {
    List<String> names = List.of("bao-cao[1].json", "ub-10525 06.12.2025 09:00.json", "a{b,c}.json", "x*?.json",
        "50%.json", "#1.json", "báo cáo.json", "back\\slash.json", "_underscore.json", "semi;colon.json");
    for (String name : names) {
      Path day = Files.createDirectories(tmp.resolve("landing/unit-reports/2025-12-04"));
      Files.writeString(day.resolve(name), name + "\n");
    }
    Landing landing = Landing.scan(tmp.resolve("landing").toString(), java.time.LocalDate.of(2025, 12, 31),
        new org.apache.hadoop.conf.Configuration(), Landing.EVERY_FILE);
    assertEquals(names.size(), landing.all().size());
    java.util.Map<String, Long> accepted = new java.util.TreeMap<>();
    ExportReader.countPerFile(ExportReader.read(spark(), landing.all(), new Lines()))
        .forEach(c -> accepted.put(c.path(), c.accepted()));
    java.util.Map<String, Long> expected = new java.util.TreeMap<>();
    names.forEach(n -> expected.put("unit-reports/2025-12-04/" + n, 1L));
    assertEquals(expected, accepted);
  }

  @Test
  void fileLargerThanTheBound_isRejectedAsTooLargeWithoutBeingParsed() throws Exception {
    Path file = Files.writeString(tmp.resolve("visits.csv"), "a\nb\n");
    // A session of its own (same SparkContext): the bound reaches no other test.
    SparkSession bounded = spark().newSession();
    bounded.conf().set(IngestLimits.MAX_FILE_BYTES, "3");
    List<Row> rows = ExportReader.read(bounded, List.of(delivery(file, Landing.sha256(Files.readAllBytes(file)))),
        new Lines()).collectAsList();
    assertEquals(1, rows.size());
    assertEquals(RejectReason.FILE_TOO_LARGE.code(), rows.get(0).getAs(ParsedRows.REASON));
    assertEquals("the file has 4 bytes; expected at most 3 (spark.bdhvs.maxFileBytes); it was not read",
        rows.get(0).getAs(ParsedRows.DETAIL));
  }
}
