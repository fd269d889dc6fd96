package vn.haiphong.bdhvs.ingest.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;

class CatalogParserTest {
  private static final CatalogParser PARSER = new CatalogParser(TargetGroupLabels.load());

  private static ParserOutput parse(String... rows) {
    return ParserOutput.csv("course_catalog", PARSER, "course/catalog/2025-12-01/courses.csv", "2025-12-01",
        "Mã khóa học;Tên khóa học;Nền tảng;Chủ đề;Đối tượng;Khóa xác nhận VNeID\n" + String.join("\n", rows) + "\n");
  }

  @Test
  void parse_readsPlatformTargetGroupAndCertificationFlag() {
    List<Map<String, Object>> rows = parse("MOOC-1;Phổ cập;National MOOC;CĐS;Người dân;Có",
        "HP-1;Kỹ năng;city-lms;KNS;;Không").accepted();
    assertEquals("national-mooc", rows.get(0).get("platform"));
    assertEquals("resident", rows.get(0).get("target_group"));
    assertEquals(true, rows.get(0).get("certification"));
    assertEquals(false, rows.get(1).get("certification"));
    assertNull(rows.get(1).get("target_group"));
  }

  @Test
  void parse_unreadableCertificationIsNullAndFlagged() {
    ParserOutput.assertNullAndFlagged(parse("HP-1;Kỹ năng;city-lms;KNS;;Có lẽ").only(), "certification",
        "bad_value:vneid_certification");
  }

  @Test
  void parse_unknownPlatformIsNullAndFlagged() {
    ParserOutput.assertNullAndFlagged(parse("HP-1;Kỹ năng;Zalo;KNS;;Không").only(), "platform", "bad_value:platform");
  }
}
