package vn.haiphong.bdhvs.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import vn.haiphong.bdhvs.contract.ColumnContract;
import vn.haiphong.bdhvs.contract.TableContract;

/**
 * Reads generated files back with plain Java, independently of the generator's writer: BOM,
 * delimiter sniffing, RFC 4180 records, headers matched by folded spelling.
 */
final class LandingReader {

  /** A parsed CSV: its header as written and its records. */
  record Csv(boolean bom, char delimiter, List<String> header, List<List<String>> records) {

    /** Position of a contract column, matched case-, space- and diacritic-insensitively; -1 when absent. */
    int column(String table, String name) {
      ColumnContract c = TableContract.load("input", table).column(name).orElseThrow();
      for (int i = 0; i < header.size(); i++) {
        if (fold(header.get(i)).equals(fold(c.header()))) {
          return i;
        }
      }
      return -1;
    }
  }

  private LandingReader() {
  }

  static String fold(String s) {
    return Normalizer.normalize(s.strip(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
  }

  static List<Path> files(Path root) {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** Strict UTF-8 text, or empty when the bytes are not UTF-8. */
  static Optional<String> utf8(byte[] bytes) {
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  static Csv csv(Path file) {
    try {
      return csv(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Csv csv(byte[] bytes) {
    String text = utf8(bytes).orElseGet(() -> new String(bytes, StandardCharsets.ISO_8859_1));
    boolean bom = text.startsWith("\uFEFF");
    if (bom) {
      text = text.substring(1);
    }
    String firstLine = text.lines().findFirst().orElse("");
    char delimiter = firstLine.chars().filter(ch -> ch == ';').count() > firstLine.chars().filter(ch -> ch == ',').count() ? ';' : ',';
    List<List<String>> records = records(text, delimiter);
    List<String> header = records.isEmpty() ? List.of() : records.get(0);
    return new Csv(bom, delimiter, header, records.isEmpty() ? List.of() : records.subList(1, records.size()));
  }

  private static List<List<String>> records(String text, char delimiter) {
    List<List<String>> out = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      any = true;
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        record.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      } else if (c == '\n') {
        record.add(field.toString());
        field.setLength(0);
        out.add(record);
        record = new ArrayList<>();
        any = false;
      } else {
        field.append(c);
      }
    }
    if (any) {
      record.add(field.toString());
      out.add(record);
    }
    return out;
  }
}
