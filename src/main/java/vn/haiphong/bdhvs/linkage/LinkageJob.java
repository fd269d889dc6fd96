package vn.haiphong.bdhvs.linkage;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;

import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * {@code link_persons}: links the records of the contest, city-lms and the national MOOC that belong to
 * one person ({@link PersonLinkage}) into {@code staged/person_links} and appends the night's merges and
 * splits to {@code staged/person_key_merges}. The months whose persons a merge or split moved are
 * handed to the cubes to rebuild. Reads only identifier hashes: no clear identifier reaches it.
 */
public final class LinkageJob implements Job<LinkageContext> {
  private static final Logger LOG = LoggerFactory.getLogger(LinkageJob.class);
  static final String LINKS = "person_links";
  static final String MERGES = "person_key_merges";
  static final List<String> PERSON_RECORDS = List.of("contest_registrations", "lms_enrolment_history", "mooc_statements");

  @Override
  public JobResult run(LinkageContext context) {
    SparkSession spark = context.run().spark();
    Warehouse warehouse = context.run().warehouse();
    if (unchanged(warehouse)) {
      LOG.info("person linkage: no record of a person changed, the links are kept as published");
      return new JobResult("linkage", List.of(), Map.of(), Map.of());
    }
    long t0 = System.nanoTime();
    PersonLinkage.Outcome outcome = PersonLinkage.link(records(spark, warehouse),
        previous(spark, warehouse, LINKS), rules(spark), context.run().runId());
    Dataset<Row> merges = previous(spark, warehouse, MERGES).unionByName(outcome.merges()
        .withColumn("run_id", lit(context.run().runId()))
        .withColumn("run_date", lit(java.sql.Date.valueOf(context.run().runDate()))));
    Map<String, Long> written = new LinkedHashMap<>();
    written.put("staged/" + LINKS, warehouse.writeStaged(LINKS, outcome.links()));
    written.put("staged/" + MERGES, warehouse.writeStaged(MERGES, merges.localCheckpoint(false)));
    outcome.movedFrom().ifPresent(d -> context.ledger().factsChanged(YearMonth.from(d.toLocalDate())));
    Map<String, Long> counts = counts(outcome);
    LOG.info("person linkage ({}): {} in {} ms", outcome.recomputed() ? "every component" : "new records only",
        counts, (System.nanoTime() - t0) / 1_000_000);
    return new JobResult("linkage", List.of(), written, Map.of(), counts);
  }

  /** Whether the links are published and no table of person records was written by this run. */
  static boolean unchanged(Warehouse warehouse) {
    return warehouse.published("staged/" + LINKS).isPresent() && PERSON_RECORDS.stream()
        .allMatch(t -> warehouse.published("staged/" + t).map(p -> p.equals(warehouse.stagedPath(t))).orElse(false));
  }

  /** The figures of the manifest: persons, identifiers, ambiguous ones by reason, tonight's merges and splits. */
  static Map<String, Long> counts(PersonLinkage.Outcome outcome) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Row r = outcome.links().agg(
        countDistinct(PersonLinkage.KEY), count(lit(1))).first();
    counts.put("persons", r.getLong(0));
    counts.put("identifiers", r.getLong(1));
    for (String because : List.of(PersonLinkage.SEVERAL_CCCD, PersonLinkage.TOO_MANY_ACCOUNTS, PersonLinkage.JOINS_CCCDS)) {
      counts.put("ambiguous_" + because, outcome.links().filter(col(PersonLinkage.AMBIGUOUS).equalTo(because)).count());
    }
    counts.put("merged", outcome.merges().filter(col("reason").equalTo(PersonLinkage.MERGED)).count());
    counts.put("split", outcome.merges().filter(col("reason").equalTo(PersonLinkage.SPLIT)).count());
    counts.put("recomputed", outcome.recomputed() ? 1L : 0L);
    return counts;
  }

  /**
   * Every record of a person, as identifier hashes and the earliest date a fact of it counts from. The
   * account is the platform's own id: a candidate of the contest, a learner of city-lms, an actor of the MOOC.
   */
  static Dataset<Row> records(SparkSession spark, Warehouse warehouse) {
    Dataset<Row> contest = warehouse.readStaged(spark, "contest_registrations")
        .select(col("candidate_key").as("account_hash"), col("cccd_hash"), col("cmnd_hash"), col("phone_hash"),
            col("registered_date").as("seen_on"));
    Dataset<Row> lms = warehouse.readStaged(spark, "lms_enrolment_history")
        .select(col("learner_key").as("account_hash"), col("cccd_hash"), col("cmnd_hash"), col("phone_hash"),
            least(col("valid_from"), col("completed_on")).as("seen_on"));
    Dataset<Row> mooc = warehouse.readStaged(spark, "mooc_statements")
        .select(col("actor_key").as("account_hash"), col("cccd_hash"), lit(null).cast("string").as("cmnd_hash"),
            lit(null).cast("string").as("phone_hash"), col("local_date").as("seen_on"));
    return contest.union(lms).union(mooc);
  }

  /** The table as published, or empty in its contract's shape on the first night. */
  static Dataset<Row> previous(SparkSession spark, Warehouse warehouse, String table) {
    TableContract contract = TableContract.load("staged", table);
    return warehouse.published("staged/" + table)
        .map(path -> spark.read().schema(contract.sparkSchema()).parquet(path))
        .orElseGet(() -> spark.createDataFrame(List.of(), contract.sparkSchema()));
  }

  static PersonLinkage.Rules rules(SparkSession spark) {
    String value = spark.conf().get(PersonLinkage.Rules.SETTING,
        Integer.toString(PersonLinkage.Rules.DEFAULTS.maxAccounts())).trim();
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return new PersonLinkage.Rules(n);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError(PersonLinkage.Rules.SETTING + " is '" + value
        + "'; expected the most accounts one phone or identifier may link, a whole number from 1");
  }
}
