package vn.haiphong.bdhvs.ingest.contest;

import java.sql.Date;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.landing.Delivery;

/** One row of visits.csv → the site counters of a day, remembering the delivery it came in. */
final class VisitParser extends RecordParser<RecordFields> {

  VisitParser() {
    super(parsedColumnsOf("contest_visits"));
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    return new Object[] {
        Date.valueOf(f.requiredDate("date")), f.optionalCount("visits"),
        f.optionalCount("unique_users"), f.flags(), file.path(), file.folder()};
  }
}
