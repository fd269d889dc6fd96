package vn.haiphong.bdhvs.ingest.telecom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.ingest.ParserOutput;
import vn.haiphong.bdhvs.reference.WardDirectory;

class SpeedtestParserTest {
  private static final SpeedtestParser PARSER = new SpeedtestParser(WardDirectory.load());

  private static ParserOutput parse(String row) {
    return ParserOutput.csv("telecom_speedtest", PARSER, "telecom/2025-11/speedtest.csv", "2025-11",
        "ward_code,month,network_type,avg_d_kbps,avg_u_kbps,avg_lat_ms,tests,devices\n" + row + "\n");
  }

  @Test
  void parse_readsAWardsMonthlyAggregate() {
    Map<String, Object> r = parse("11560,2025-11,Mobile,313000,\"233,41\",9,10,5").only();
    assertEquals("2025-11", r.get("month"));
    assertEquals("mobile", r.get("network_type"));
    assertEquals(313000.0, r.get("avg_d_kbps"));
    assertEquals(233.41, r.get("avg_u_kbps"));
    assertEquals(10L, r.get("tests"));
  }

  @Test
  void parse_unknownNetworkTypeIsRejectedBadValue() {
    assertEquals(List.of("bad_value"), parse("11560,2025-11,satellite,1,1,1,1,1").rejectReasons());
  }

  @Test
  void parse_monthInTheWrongFormatIsRejectedBadDate() {
    assertEquals(List.of("bad_date"), parse("11560,11/2025,fixed,1,1,1,1,1").rejectReasons());
  }

  @Test
  void parse_unknownWardIsKeptAsUnknownAndFlagged() {
    Map<String, Object> r = parse("99999,2025-11,fixed,1,1,1,1,1").only();
    assertEquals(DimensionMember.UNKNOWN, r.get("ward_code"));
    assertEquals(List.of("ward_unknown"), ParserOutput.flags(r));
  }
}
