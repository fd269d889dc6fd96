package vn.haiphong.bdhvs.codes;

/**
 * Why a record or a whole file was rejected. The codes are part of the output contract: they are
 * what {@code rejects.reason_code} holds and what the data-quality section counts.
 */
public enum RejectReason {
  // Whole files (rejects.line is null).
  FILE_EMPTY("file_empty", "the file is empty or holds only a header"),
  FILE_NOT_UTF8("file_not_utf8", "the file is not valid UTF-8"),
  FILE_MISSING_COLUMNS("file_missing_columns", "the header lacks required columns"),
  FILE_CORRUPT("file_corrupt", "the file cannot be decompressed or read"),
  FILE_INVALID_JSON("file_invalid_json", "the document is not valid JSON"),
  FILE_UNEXPECTED("file_unexpected", "the file does not fit the landing layout"),
  FILE_CHANGED("file_changed", "the file changed while the run read it; the next run reads it again"),
  FILE_TOO_LARGE("file_too_large", "the file, decompressed, holds more bytes than the configured bound"),
  FILE_NOT_REGULAR("file_not_regular", "the landing entry is not a readable regular file (a dangling or looping link, "
      + "a link to a folder, a named pipe, a socket or a device); it was not opened"),

  // Single records.
  WRONG_FIELD_COUNT("wrong_field_count", "the row has more or fewer fields than the header"),
  MISSING_REQUIRED("missing_required", "a field that identifies the record is empty"),
  BAD_DATE("bad_date", "a required date or time cannot be parsed, does not exist or is outside its plausible years"),
  BAD_VALUE("bad_value", "a required value has the wrong type or is out of range (a report's negative or infinite count)"),
  FIELD_TOO_LONG("field_too_long", "a field is longer than any real value"),
  INVALID_JSON("invalid_json", "the line is not valid JSON"),
  UNKNOWN_VERB("unknown_verb", "the xAPI verb is not one of the ADL verbs bdhvs understands"),
  BAD_PERIOD("bad_period", "the report period does not match its period type"),
  UNKNOWN_UNIT("unknown_unit", "an approval names a unit that is not in reference/reporting_units.csv"),
  UNKNOWN_VERSION("unknown_version", "an approval names a report version that was never submitted"),
  FUTURE_PERIOD("future_period", "an approval decides on a period that had not begun when it was delivered");

  private final String code;
  private final String description;

  RejectReason(String code, String description) {
    this.code = code;
    this.description = description;
  }

  public String code() {
    return code;
  }

  public String description() {
    return description;
  }
}
