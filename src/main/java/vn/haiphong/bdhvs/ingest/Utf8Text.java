package vn.haiphong.bdhvs.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import vn.haiphong.bdhvs.codes.RejectReason;

/** Strict UTF-8 decoding: a file in another encoding is rejected whole, never read as mojibake (docs/specification.md §2). */
public final class Utf8Text {
  private Utf8Text() {}

  /** The text of {@code bytes} without a leading BOM. */
  public static String decode(byte[] bytes) throws FileRejected {
    try {
      String text = decoder().decode(ByteBuffer.wrap(bytes)).toString();
      return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int offset = firstInvalid(bytes);
      long line = 1;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new FileRejected(RejectReason.FILE_NOT_UTF8, String.format(
          "line %d (byte %d): byte 0x%02X is not valid UTF-8; expected a UTF-8 file "
              + "(it looks like %s: export again as 'CSV UTF-8')",
          line, offset, bytes[offset] & 0xff, looksLike(bytes)));
    }
  }

  /** A guess for the message only: a UTF-16 BOM or NUL bytes mean UTF-16, anything else a Windows code page. */
  private static String looksLike(byte[] bytes) {
    boolean bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
        || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF));
    int nul = 0;
    for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
      nul += bytes[i] == 0 ? 1 : 0;
    }
    return bom || nul > 0 ? "UTF-16 ('Unicode Text')" : "Windows-1258 or Latin-1";
  }

  private static int firstInvalid(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    decoder().decode(in, CharBuffer.allocate(bytes.length + 1), true);
    return Math.min(in.position(), bytes.length - 1);
  }

  private static CharsetDecoder decoder() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
