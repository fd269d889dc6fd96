package vn.haiphong.bdhvs.report;

/**
 * Escapes text from outside (report notes, file names, reject details) for HTML text and quoted
 * attribute values. Bidirectional controls (e.g. U+202E, which would show a note backwards and
 * disguise what follows) and other invisible control characters are shown as a visible
 * {@code [U+202E]} instead of being passed on.
 */
final class HtmlText {
  private HtmlText() {}

  /** Text safe inside an element or a double- or single-quoted attribute. Null is the empty string. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(c -> {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\t' -> out.appendCodePoint(c);
        default -> {
          if (hidden(c)) {
            out.append(String.format("[U+%04X]", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    });
    return out.toString();
  }

  // C0/C1 controls, bidi embeddings, overrides and isolates, marks and zero-width format characters.
  private static boolean hidden(int c) {
    return Character.isISOControl(c)
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200E || c == 0x200F || c == 0x061C
        || c == 0xFEFF;
  }
}
