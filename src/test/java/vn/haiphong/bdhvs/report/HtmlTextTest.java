package vn.haiphong.bdhvs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void escape_scriptBecomesText() {
    assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", HtmlText.escape("<script>alert(1)</script>"));
  }

  @Test
  void escape_cannotCloseAnAttribute() {
    assertEquals("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", HtmlText.escape("\"><img src=x onerror=alert(1)>"));
    assertEquals("it&#39;s &amp; more", HtmlText.escape("it's & more"));
  }

  @Test
  void escape_showsBidiOverridesInsteadOfApplyingThem() {
    String escaped = HtmlText.escape("báo cáo \u202Efdp.exe \u2066x\u2069");
    assertEquals("báo cáo [U+202E]fdp.exe [U+2066]x[U+2069]", escaped);
    assertFalse(escaped.chars().anyMatch(c -> c == 0x202E));
  }

  @Test
  void escape_keepsVietnameseNewlinesAndDropsNothingElse() {
    assertEquals("Thủy Nguyên\nHòa Bình\t1", HtmlText.escape("Thủy Nguyên\nHòa Bình\t1"));
    assertEquals("a[U+0000]b", HtmlText.escape("a\u0000b"));
    assertEquals("", HtmlText.escape(null));
  }
}
