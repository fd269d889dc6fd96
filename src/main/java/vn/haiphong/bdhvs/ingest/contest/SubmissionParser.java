package vn.haiphong.bdhvs.ingest.contest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.PersonResolver;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.landing.Delivery;

/** One row of submissions.csv → a contest attempt keyed by the candidate's pseudonym. */
final class SubmissionParser extends RecordParser<RecordFields> {
  private final PersonResolver persons;

  SubmissionParser(PersonResolver persons) {
    super(parsedColumnsOf("contest_submissions"));
    this.persons = persons;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String candidate = f.required("candidate_id");
    LocalDateTime at = f.requiredLocalTimestamp("submitted_at");
    return new Object[] {
        persons.pseudonym("contest", candidate),
        f.optionalInt("week"), f.optionalInt("attempt"),
        f.optionalDecimal("score"), f.optionalInt("correct_answers"), f.optionalInt("duration_s"),
        Timestamp.from(at.atZone(ExportValues.LOCAL_ZONE).toInstant()),
        Date.valueOf(at.toLocalDate()), f.flags(), file.path(), file.folder()};
  }
}
