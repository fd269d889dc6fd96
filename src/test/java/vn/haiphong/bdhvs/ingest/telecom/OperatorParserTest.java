package vn.haiphong.bdhvs.ingest.telecom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.WardDirectory;

class OperatorParserTest {
  private static final String HEADER = "Mã xã,Tên xã,Tháng,Nhà mạng,Số trạm BTS 4G,Số trạm BTS 5G,"
      + "Tỷ lệ phủ sóng dân số 4G (%),Tỷ lệ phủ sóng dân số 5G (%),Cáp quang (km),Thuê bao băng rộng cố định";
  private static final OperatorParser PARSER = new OperatorParser(WardDirectory.load());

  private static ParserOutput parse(String row) {
    return ParserOutput.csv("telecom_operator", PARSER, "telecom/2025-11/operator-viettel.csv", "2025-11",
        HEADER + "\n" + row + "\n");
  }

  @Test
  void parse_readsMonthCountsAndCommaDecimals() {
    Map<String, Object> r = parse("11560,Thủy Nguyên,11/2025,Viettel,10,2,\"99,5\",40,\"12,5\",1.000").only();
    assertEquals("2025-11", r.get("month"));
    assertEquals("11560", r.get("ward_code"));
    assertEquals("viettel", r.get("operator"));
    assertEquals(10L, r.get("bts_4g"));
    assertEquals(99.5, r.get("coverage_4g_pct"));
    assertEquals(12.5, r.get("fiber_km"));
    assertEquals(1000L, r.get("fixed_broadband_subscriptions"));
  }

  @Test
  void parse_emptyOperatorColumnIsTakenFromTheFileName() {
    assertEquals("viettel", parse("11560,Thủy Nguyên,11/2025,,10,2,99,40,12,1000").only().get("operator"));
  }

  @Test
  void parse_unknownWardCodeFallsBackToTheWardName() {
    Map<String, Object> r = parse("99999,Thủy Nguyên,11/2025,Viettel,10,2,99,40,12,1000").only();
    assertEquals("11560", r.get("ward_code"));
    assertEquals(List.of(), ParserOutput.flags(r));
  }

  @Test
  void parse_unreadableMonthIsRejectedBadDate() {
    assertEquals(List.of("bad_date"), parse("11560,Thủy Nguyên,2025-13,Viettel,10,2,99,40,12,1000").rejectReasons());
  }
}
