package vn.haiphong.bdhvs.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * How ingest reads JSON records. A key given twice is an error, not "the last one wins" (a report
 * with two {@code unit_code}s is not one report). Parse errors never carry the record's source
 * text, which holds names and e-mails: see {@link JsonErrors} for what their messages keep.
 */
public final class StrictJson {
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build());

  private StrictJson() {}

  /** The JSON value of {@code text}, null when it holds none. */
  public static JsonNode read(String text) throws JsonProcessingException {
    return JSON.readTree(text);
  }
}
