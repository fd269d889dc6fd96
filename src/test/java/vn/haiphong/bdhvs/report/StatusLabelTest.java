package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatusLabelTest {
  @Test
  void of_namesEveryCubeStatusInVietnamese() {
    assertEquals("Đạt", StatusLabel.of("achieved").vi);
    assertEquals("Đúng tiến độ", StatusLabel.of("on_track").vi);
    assertEquals("Có nguy cơ", StatusLabel.of("at_risk").vi);
    assertEquals("Chậm tiến độ", StatusLabel.of("off_track").vi);
    assertEquals("Chưa có mục tiêu", StatusLabel.of("no_target").vi);
    assertEquals("Chưa có số liệu", StatusLabel.of("no_data").vi);
    assertEquals("Cần kiểm tra số liệu", StatusLabel.of("check_data").vi);
  }

  @Test
  void of_unknownStatusFailsNamingIt() {
    String message = assertThrows(IllegalArgumentException.class, () -> StatusLabel.of("great")).getMessage();
    assertTrue(message.contains("'great'") && message.contains("on_track"), message);
  }

  @Test
  void html_carriesTheColourClass() {
    assertEquals("<span class=\"status st-off-track\">Chậm tiến độ</span>", StatusLabel.OFF_TRACK.html());
  }
}
