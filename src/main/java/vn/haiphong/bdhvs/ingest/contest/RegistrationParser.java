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

/** One row of registrations.csv → a pseudonymized registration. */
final class RegistrationParser extends RecordParser<RecordFields> {
  private final PersonResolver persons;

  RegistrationParser(PersonResolver persons) {
    super(parsedColumnsOf("contest_registrations"));
    this.persons = persons;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String candidate = f.required("candidate_id");
    LocalDateTime at = f.requiredLocalTimestamp("registered_at");
    PersonResolver.Person p = persons.read(f, "contest", candidate);
    return new Object[] {
        persons.pseudonym("contest", candidate), p.personKey(), p.keyBasis(), p.cccdHash(), p.cmndHash(), p.phoneHash(), p.wardCode(),
        p.targetGroup(), p.gender(), p.birthYear(),
        Timestamp.from(at.atZone(ExportValues.LOCAL_ZONE).toInstant()),
        Date.valueOf(at.toLocalDate()), at.toLocalDate().toString().substring(0, 7),
        f.flags(), file.path(), file.folder()};
  }
}
