package vn.haiphong.bdhvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** The privacy scan's search list reaches every kind of file that holds persons, gzipped statements too. */
class PersonalDataTest {

  private static String statement(String name, String account, String homePage) {
    return "{\"id\":\"x\",\"actor\":{\"name\":\"" + name + "\",\"account\":{\"homePage\":\"" + homePage + "\",\"name\":\""
        + account + "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/registered\"}}\n";
  }

  @Test
  void gzippedStatements_evenCutShort_addTheirActors() throws Exception {
    // Generated, never a committed citizen id.
    String cccd = String.format("0%011d", new java.util.Random(16).nextLong(10_000_000_000L, 99_999_999_999L));
    String first = statement("Trần Thị Gờ", cccd, "https://vneid.gov.vn");
    String second = statement("Lê Văn Zét", "u2", "https://mooc.example.vn");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write((first + second).getBytes(StandardCharsets.UTF_8));
    }
    byte[] whole = bytes.toByteArray();
    TestLanding landing = new TestLanding(Files.createTempDirectory("pii"));
    Path day = Files.createDirectories(landing.root().resolve("course/national-mooc/2025-11-01"));
    Files.write(day.resolve("statements.jsonl.gz"), whole);
    Path cut = Files.createDirectories(landing.root().resolve("course/national-mooc/2025-11-02"));
    Files.write(cut.resolve("statements.jsonl.gz"), Arrays.copyOf(whole, whole.length - 12));

    PersonalData pii = PersonalData.collect(landing.root());
    assertEquals(List.of(cccd, "Trần Thị Gờ"), pii.findIn("a detail naming Trần Thị Gờ, CCCD " + cccd));
    assertEquals(List.of("Lê Văn Zét"), pii.findIn("then Lê Văn Zét"));
  }
}
