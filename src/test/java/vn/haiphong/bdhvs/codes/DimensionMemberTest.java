package vn.haiphong.bdhvs.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** ALL and UNKNOWN are written in one place: no Java code of bdhvs spells them as its own string. */
class DimensionMemberTest {
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Path HOME = SOURCES.resolve("vn/haiphong/bdhvs/codes/DimensionMember.java");

  @Test
  void noCodeOutsideDimensionMember_spellsAllOrUnknown() throws IOException {
    List<String> spelled = new ArrayList<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.equals(HOME)).toList()) {
        String code = withoutComments(Files.readString(file));
        for (String member : List.of(DimensionMember.ALL, DimensionMember.UNKNOWN)) {
          if (code.contains("\"" + member + "\"")) {
            spelled.add(SOURCES.relativize(file) + ": \"" + member + "\"");
          }
        }
      }
    }
    assertEquals(List.of(), spelled, "use DimensionMember.ALL or DimensionMember.UNKNOWN");
  }

  @Test
  void theScan_seesALiteralAndIgnoresAComment() {
    String planted = "/** \"ALL\" in a comment */ String a = \"x\"; // \"UNKNOWN\"\nString b = \"ALL\";";
    assertEquals("String a = \"x\"; String b = \"ALL\";", withoutComments(planted).strip().replaceAll("\\s+", " "));
  }

  private static String withoutComments(String java) {
    return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
  }
}
