package vn.haiphong.bdhvs.ingest.telecom;


import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.CsvFileParser;
import vn.haiphong.bdhvs.ingest.IngestContext;
import vn.haiphong.bdhvs.ingest.ReadResult;
import vn.haiphong.bdhvs.ingest.Redelivery;
import vn.haiphong.bdhvs.ingest.SourceRun;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;

/**
 * Telecom coverage (docs/specification.md §2.4): per operator and month the latest delivered file replaces the
 * earlier one; speed tests likewise per month.
 */
public final class TelecomIngest implements Job<IngestContext> {

  @Override
  public JobResult run(IngestContext ctx) {
    SourceRun run = new SourceRun(ctx, "telecom");
    ReadResult operators = run.read("telecom_operator",
        new CsvFileParser(TableContract.load("input", "telecom_operator"), new OperatorParser(ctx.wards())));
    run.write("telecom_operator", latestOperatorFiles(operators.accepted()), operators);
    run.recordChangedMonths(operators, "telecom_operator");
    ReadResult speedtests = run.read("telecom_speedtest",
        new CsvFileParser(TableContract.load("input", "telecom_speedtest"), new SpeedtestParser(ctx.wards())));
    run.write("telecom_speedtest", latestSpeedtests(speedtests.accepted()), speedtests);
    run.recordChangedMonths(speedtests, "telecom_speedtest");
    return run.finish();
  }

  /** An operator's month comes from its latest delivery only. */
  public static Dataset<Row> latestOperatorFiles(Dataset<Row> rows) {
    return Redelivery.latestFolderPer(rows, "operator", "month");
  }

  /** A month's speed tests come from its latest delivery only. */
  public static Dataset<Row> latestSpeedtests(Dataset<Row> rows) {
    return Redelivery.latestFolderPer(rows, "month");
  }
}
