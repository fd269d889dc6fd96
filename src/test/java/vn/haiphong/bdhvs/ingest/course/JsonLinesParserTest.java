package vn.haiphong.bdhvs.ingest.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.haiphong.bdhvs.ingest.course.StatementParserTest.course;
import static vn.haiphong.bdhvs.ingest.course.StatementParserTest.statement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.TestPeople;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.CourseCatalog;

class JsonLinesParserTest {
  private static final JsonLinesParser PARSER =
      new JsonLinesParser(vn.haiphong.bdhvs.ingest.IngestLimits.DEFAULTS, new StatementParser(TestPeople.resolver(), CourseCatalog.loadDefault()));
  private static final String GOOD = statement("S1", "https://mooc.example.vn", "u1", "passed", course("MOOC-CDS-01"), "");

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }

  @Test
  void parse_badLineIsRejectedAndTheOthersKept() {
    ParserOutput out = StatementParserTest.parse(GOOD, "not json", "", "[1,2]");
    assertEquals(1, out.accepted().size());
    assertEquals(List.of("invalid_json", "invalid_json"), out.rejectReasons());
  }

  @Test
  void parse_statementCutBeforeItsLastBraceIsRejectedWithoutItsSourceText() {
    String email = "khoa.nv" + "@example.vn";
    String cut = "{\"id\":\"S9\",\"actor\":{\"name\":\"" + TestPeople.AN.name() + "\",\"mbox\":\"mailto:" + email
        + "\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/passed\"}";
    ParserOutput out = StatementParserTest.parse(cut);
    assertEquals(List.of("invalid_json"), out.rejectReasons());
    String detail = out.rejects().get(0);
    assertFalse(detail.contains(email) || detail.contains("Phạm") || detail.contains("Source"), detail);
    assertTrue(detail.contains("column ") && detail.contains("end-of-input"), detail);
  }

  @Test
  void parse_badValueNextToAPersonalFieldIsRejectedWithoutQuotingEither() {
    String line = "{\"id\":\"S9\",\"actor\":{\"name\":" + TestPeople.AN.name() + ",\"account\":{\"name\":\""
        + TestPeople.AN.cccd() + "\"}}}";
    ParserOutput out = StatementParserTest.parse(line);
    assertEquals(List.of("invalid_json"), out.rejectReasons());
    out.assertHides(TestPeople.AN);
    assertFalse(out.rejects().get(0).contains("Phạm"), out.rejects().get(0));
  }

  @Test
  void parse_keyGivenTwiceRejectsTheLineNamingTheKey() {
    ParserOutput out = StatementParserTest.parse(GOOD.replace("{\"id\":\"S1\",", "{\"id\":\"S1\",\"id\":\"S2\","));
    assertEquals(List.of("invalid_json: column 16 (character 15): duplicate key 'id'; expected each key once; "
        + "expected one JSON object per line"), out.rejects());
  }

  @Test
  void parse_readsGzippedFiles() throws IOException {
    ParserOutput out = ParserOutput.parse(PARSER, StatementParserTest.PATH + ".gz", "2025-12-01", gzip(GOOD + "\n"));
    assertEquals(1, out.accepted().size());
  }

  @Test
  void parse_truncatedGzipRejectsTheFileAsCorrupt() throws IOException {
    byte[] whole = gzip(GOOD + "\n" + GOOD + "\n");
    ParserOutput out = ParserOutput.parse(PARSER, StatementParserTest.PATH + ".gz", "2025-12-01",
        Arrays.copyOf(whole, whole.length / 2));
    assertEquals(List.of("file_corrupt"), out.rejectReasons());
  }
}
