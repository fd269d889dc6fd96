package vn.haiphong.bdhvs.generate;

import java.util.List;
import java.util.SplittableRandom;

/** "Đơn vị công tác/học tập": free text where RFC 4180 quoting is actually needed. */
final class Organisations {

  private static final List<String> PLAIN = List.of("UBND phường Hồng Bàng", "Trường THPT Trần Phú",
      "Công ty CP Cảng Hải Phòng", "Bệnh viện Việt Tiệp", "Trường Đại học Hàng hải Việt Nam",
      "Hợp tác xã Nông nghiệp Tân Tiến", "Tự do", "");

  private Organisations() {
  }

  static String draw(SplittableRandom random, QuirkPlan quirks) {
    int x = random.nextInt(100);
    if (x < 3) {
      quirks.quirk("quoted_comma");
      return "Trường THCS Lê Lợi, phường Lê Chân";
    }
    if (x < 5) {
      quirks.quirk("quoted_semicolon");
      return "Sở Nội vụ; phòng Công chức";
    }
    if (x < 7) {
      quirks.quirk("quoted_double_quote");
      return "Công ty TNHH \"Biển Xanh\"";
    }
    if (x < 8) {
      quirks.quirk("quoted_newline");
      return "Trường THPT Ngô Quyền\nLớp 11A2";
    }
    return PLAIN.get(random.nextInt(PLAIN.size()));
  }

  /** Longer than any real value (> 4096 characters): field_too_long. */
  static String oversized() {
    return "Công ty ".repeat(700);
  }
}
