package vn.haiphong.bdhvs.landing;

import java.util.List;
import java.util.Map;

/**
 * What one file gave: rows read = accepted + rejected; {@code fileReason} set when the whole file
 * was rejected; {@code flags} counts the quality flags on its accepted rows ({@code bad_value:x}
 * counted as {@code bad_value}).
 */
public record FileCount(String path, long read, long accepted, long rejected, String fileReason,
    List<String> notes, Map<String, Long> flags) {

  public static FileCount nothing(String path, String fileReason) {
    return new FileCount(path, 0, 0, 0, fileReason, List.of(), Map.of());
  }
}
