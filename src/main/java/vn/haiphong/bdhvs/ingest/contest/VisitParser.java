package vn.haiphong.bdhvs.ingest.contest;

import java.sql.Date;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.ingest.CsvRowParser;
import vn.haiphong.bdhvs.ingest.Delivery;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;

/** One row of visits.csv → the site counters of a day, remembering the delivery it came in. */
final class VisitParser implements CsvRowParser {
  static final StructType SCHEMA = ContestIngest.parsedSchema("contest_visits");

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    return new Object[] {
        Date.valueOf(f.requiredDate("date")), f.optionalCount("visits"),
        f.optionalCount("unique_users"), f.flags(), file.path(), file.folder()};
  }
}
