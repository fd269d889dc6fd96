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

  /** Texts that need quoting in one delimiter or the other, with their quirk and share in percent. */
  private record Tricky(String quirk, int percent, String text) {
  }

  private static final List<Tricky> TRICKY = List.of(
      new Tricky("text_with_comma", 3, "Trường THCS Lê Lợi, phường Lê Chân"),
      new Tricky("text_with_semicolon", 2, "Sở Nội vụ; phòng Công chức"),
      new Tricky("text_with_double_quote", 2, "Công ty TNHH \"Biển Xanh\""),
      new Tricky("text_with_newline", 1, "Trường THPT Ngô Quyền\nLớp 11A2"));

  static String draw(SplittableRandom random, QuirkPlan quirks) {
    int x = random.nextInt(100);
    for (Tricky t : TRICKY) {
      if (x < t.percent()) {
        quirks.quirk(t.quirk());
        return t.text();
      }
      x -= t.percent();
    }
    return PLAIN.get(random.nextInt(PLAIN.size()));
  }

  /** Longer than any real value (> 4096 characters): field_too_long. */
  static String oversized() {
    return "Công ty ".repeat(700);
  }
}
