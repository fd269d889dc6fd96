package vn.haiphong.bdhvs.ingest.contest;

import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.CsvFileParser;
import vn.haiphong.bdhvs.ingest.IngestContext;
import vn.haiphong.bdhvs.ingest.PersonResolver;
import vn.haiphong.bdhvs.ingest.ReadResult;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.Redelivery;
import vn.haiphong.bdhvs.ingest.SourceRun;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;

/**
 * The contest (docs/specification.md §2.3): registrations and submissions are kept row by row (persons are counted
 * distinct later); a day's visit counters are replaced by a later delivery for the same day.
 * Registrations count from their month on, visits in their day's month (submissions are in no cube).
 */
public final class ContestIngest implements Job<IngestContext> {

  @Override
  public JobResult run(IngestContext ctx) {
    PersonResolver persons = new PersonResolver(ctx.personKeys(), ctx.wards(), ctx.targetGroups());
    SourceRun run = new SourceRun(ctx, "contest");
    ReadResult registrations = run.read("contest_registrations", csv("contest_registrations", new RegistrationParser(persons)));
    run.write("contest_registrations", registrations.accepted(), registrations);
    run.recordChangedMonths(registrations, "contest_registrations");
    ReadResult submissions = run.read("contest_submissions", csv("contest_submissions", new SubmissionParser(persons)));
    run.write("contest_submissions", submissions.accepted(), submissions);
    ReadResult visits = run.read("contest_visits", csv("contest_visits", new VisitParser()));
    run.write("contest_visits", latestDeliveryPerDay(visits.accepted()), visits);
    run.recordChangedMonths(visits, "contest_visits");
    return run.finish();
  }

  /** One row per day: the row from the latest delivery folder (the last line if a file repeats a day). */
  public static Dataset<Row> latestDeliveryPerDay(Dataset<Row> visits) {
    return Redelivery.lastRowPer(visits, col("date"));
  }

  private static CsvFileParser csv(String table, RecordParser<RecordFields> rows) {
    return new CsvFileParser(TableContract.load("input", table), rows);
  }
}
