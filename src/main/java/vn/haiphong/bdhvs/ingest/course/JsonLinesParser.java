package vn.haiphong.bdhvs.ingest.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.ingest.CsvExport;
import vn.haiphong.bdhvs.ingest.FileParser;
import vn.haiphong.bdhvs.ingest.FileRejected;
import vn.haiphong.bdhvs.ingest.IngestLimits;
import vn.haiphong.bdhvs.ingest.JsonErrors;
import vn.haiphong.bdhvs.ingest.ParsedRows;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.StrictJson;
import vn.haiphong.bdhvs.ingest.Utf8Text;
import vn.haiphong.bdhvs.landing.Delivery;

/** A {@link FileParser} for JSON Lines files, gzipped or not: one JSON object per line. */
final class JsonLinesParser implements FileParser {
  private final IngestLimits limits;
  private final RecordParser<JsonNode> lines;

  JsonLinesParser(IngestLimits limits, RecordParser<JsonNode> lines) {
    this.limits = limits;
    this.lines = lines;
  }

  @Override
  public StructType schema() {
    return lines.schema();
  }

  @Override
  public void parse(Delivery file, byte[] content, ParsedRows.Sink out) {
    String text;
    try {
      text = Utf8Text.decode(file.path().endsWith(".gz") ? gunzip(content, limits.maxFileBytes()) : content);
    } catch (FileRejected e) {
      out.rejectFile(e.reason(), e.getMessage(), e instanceof CutShort c ? c.linesRecovered
          : CsvExport.roughDataLines(content) + 1);
      return;
    }
    if (text.isBlank()) {
      out.rejectFile(RejectReason.FILE_EMPTY, "the file is empty; expected one xAPI statement per line", 0);
      return;
    }
    long lineNo = 0;
    for (String line : text.split("\r?\n", -1)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      if (line.length() > limits.maxLineBytes()) {
        out.reject(lineNo, RejectReason.FIELD_TOO_LONG, "the line has " + line.length()
            + " characters; expected one statement of at most " + limits.maxLineBytes());
        continue;
      }
      try {
        JsonNode node = StrictJson.read(line);
        if (node == null || !node.isObject()) {
          throw new RecordRejected(RejectReason.INVALID_JSON, "expected one JSON object on the line");
        }
        out.accept(lineNo, lines.parse(node, file));
      } catch (JsonProcessingException e) {
        out.reject(lineNo, RejectReason.INVALID_JSON, JsonErrors.describe(e) + "; expected one JSON object per line");
      } catch (RecordRejected e) {
        out.reject(lineNo, e.reason(), e.getMessage());
      }
    }
  }

  /** The decompressed bytes, at most {@code maxBytes} of them: a small gzip can expand to gigabytes. */
  private static byte[] gunzip(byte[] content, long maxBytes) throws FileRejected {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length * 4);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (out.size() + (long) n > maxBytes) {
          out.write(buffer, 0, n);
          throw new CutShort(RejectReason.FILE_TOO_LARGE, "the file expands to more than " + maxBytes
              + " bytes (" + IngestLimits.MAX_FILE_BYTES + "); reading stopped after " + out.size()
              + " bytes, and the file is rejected with the statements read until then", records(out.toByteArray()));
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      // The lines decompressed before the break are what the file is known to have held.
      byte[] partial = out.toByteArray();
      throw new CutShort(RejectReason.FILE_CORRUPT, "cannot decompress after " + partial.length + " bytes: "
          + e.getMessage() + "; expected a complete gzip file (the delivery looks truncated)", completeLines(partial));
    }
  }

  /** Lines ended before the break: a cut-off last line is not a record. */
  private static long completeLines(byte[] partial) {
    long n = 0;
    for (byte b : partial) {
      if (b == '\n') {
        n++;
      }
    }
    return n;
  }

  /** Non-blank lines ended before the cut: the statements a file too large was seen to hold. */
  private static long records(byte[] partial) {
    long n = 0;
    boolean blank = true;
    for (byte b : partial) {
      if (b == '\n') {
        n += blank ? 0 : 1;
        blank = true;
      } else if (b != ' ' && b != '\t' && b != '\r') {
        blank = false;
      }
    }
    return n;
  }

  /** A gzip that could not be read to its end, with how many lines were read before it stopped. */
  private static final class CutShort extends FileRejected {
    final long linesRecovered;

    CutShort(RejectReason reason, String detail, long linesRecovered) {
      super(reason, detail);
      this.linesRecovered = linesRecovered;
    }
  }
}
