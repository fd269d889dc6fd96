package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.sum;
import static vn.haiphong.bdhvs.cube.Rollup.ALL;
import static vn.haiphong.bdhvs.cube.Rollup.DENOMINATOR;
import static vn.haiphong.bdhvs.cube.Rollup.YEAR;
import static vn.haiphong.bdhvs.cube.Rollup.EVENT_DATE;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.INDICATOR;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.NUMERATOR;
import static vn.haiphong.bdhvs.cube.Rollup.PERSON;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.WardDirectory;

/** Indicators that count distinct persons: contest, city-lms, national MOOC and the measured skill rates. */
final class PersonFacts {
  /** A measured rate: its numerator's persons (group null = every group) and its denominator measure. */
  record MeasuredRate(String code, String group, boolean certifiedOnly, String measure) {}

  static final List<MeasuredRate> MEASURED = List.of(
      new MeasuredRate("PS_SKILLED_RATE_MEASURED", TargetGroup.PUBLIC_SECTOR.code(), false, "public_sector_staff"),
      new MeasuredRate("STU_EQUIPPED_RATE_MEASURED", TargetGroup.STUDENT.code(), false, "students"),
      new MeasuredRate("RES_BASIC_SKILL_RATE_MEASURED", null, false, "adults"),
      new MeasuredRate("RES_VNEID_CERT_RATE_MEASURED", null, true, "adults"),
      new MeasuredRate("EW_SKILLED_RATE_MEASURED", TargetGroup.ENTERPRISE_WORKER.code(), false, "enterprise_workers"),
      new MeasuredRate("PAR_SKILLED_RATE_MEASURED", TargetGroup.PARENT.code(), false, "parents"));

  private PersonFacts() {}

  /** Distinct-person counts of every person indicator, at every level. */
  static Dataset<Row> counts(CubeInputs in, Dataset<Row> months) {
    Dataset<Row> mooc = attributedStatements(in.moocStatements());
    Dataset<Row> lmsCompleted = lmsCompletions(in.lmsEnrolmentHistory());
    Dataset<Row> certified = mooc.filter(col("certifies"));
    Dataset<Row> completions = event(lmsCompleted, "completion", col(EVENT_DATE))
        .unionByName(event(mooc.filter(col("verb").isin("completed", "passed")), "completion", col("local_date")));
    Dataset<Row> events = event(in.contestRegistrations(), "CONTEST_REGISTRANTS", col("registered_date"))
        .unionByName(event(in.lmsEnrolmentHistory(), "LMS_LEARNERS", col("valid_from")))
        .unionByName(event(lmsCompleted, "LMS_COMPLETED", col(EVENT_DATE)))
        .unionByName(event(mooc.filter(col("verb").equalTo("registered")), "MOOC_LEARNERS", col("local_date")))
        .unionByName(event(certified, "VNEID_CERTIFIED", col("local_date")))
        .unionByName(measuredEvents(completions, event(certified, "certified", col("local_date"))));
    return Facts.numerators(Rollup.distinctPersons(events, months), col(INDICATOR), col(NUMERATOR));
  }

  /** Wards (not UNKNOWN) with at least one registrant to month end, over the 114. */
  static Dataset<Row> contestWardCoverage(Dataset<Row> counts, int wardCount) {
    Dataset<Row> wards = counts.filter(col(INDICATOR).equalTo("CONTEST_REGISTRANTS").and(col(GROUP).equalTo(ALL))
            .and(not(col(WARD).isin(ALL, WardDirectory.UNKNOWN))).and(col(NUMERATOR).gt(0)))
        .groupBy(MONTH).agg(count(lit(1)).as("wards"));
    return Facts.city(wards, lit("CONTEST_WARD_COVERAGE"), col("wards"), lit(wardCount));
  }

  /** City-lms rows that show a completion, dated by the earlier of the completion date and the first snapshot showing it. */
  static Dataset<Row> lmsCompletions(Dataset<Row> history) {
    return history.filter(col("status").equalTo("completed").or(col("completed_on").isNotNull()))
        .withColumn(EVENT_DATE, least(when(col("status").equalTo("completed"), col("valid_from")), col("completed_on")));
  }

  /**
   * Live (not voided) MOOC statements with a ward and target group: a statement's own, else those
   * of the same person's registered statements (one row per ward they registered in), else UNKNOWN
   * and resident — a passed statement carries no context of its own.
   */
  static Dataset<Row> attributedStatements(Dataset<Row> statements) {
    Dataset<Row> live = statements.filter(not(col("is_voided")).and(col("verb").notEqual("voided")));
    Dataset<Row> registeredIn = live.filter(col("verb").equalTo("registered").and(col(WARD).isNotNull()))
        .select(col(PERSON), col(WARD).as("reg_ward"), col(GROUP).as("reg_group")).distinct();
    Dataset<Row> own = live.filter(col(WARD).isNotNull());
    Dataset<Row> borrowed = live.filter(col(WARD).isNull())
        .join(registeredIn, new String[] {PERSON}, "left")
        .withColumn(WARD, coalesce(col("reg_ward"), lit(WardDirectory.UNKNOWN)))
        .withColumn(GROUP, coalesce(col(GROUP), col("reg_group")))
        .drop("reg_ward", "reg_group");
    return own.unionByName(borrowed)
        .withColumn(GROUP, coalesce(col(GROUP), lit(TargetGroup.RESIDENT.code())));
  }

  /** The numerators of the measured rates: persons of the rate's group, counted by ward only. */
  private static Dataset<Row> measuredEvents(Dataset<Row> completions, Dataset<Row> certified) {
    Dataset<Row> out = null;
    for (MeasuredRate rate : MEASURED) {
      Dataset<Row> base = rate.certifiedOnly() ? certified : completions;
      Dataset<Row> persons = (rate.group() == null ? base : base.filter(col(GROUP).equalTo(rate.group())))
          .withColumn(INDICATOR, lit(rate.code())).withColumn(GROUP, lit(ALL));
      out = out == null ? persons : out.unionByName(persons);
    }
    return out;
  }

  /** Each measured rate's denominator per ward (from the population reference) and for ALL (their sum); UNKNOWN has none. */
  static Dataset<Row> measuredDenominators(SparkSession spark, CubeReference ref, Dataset<Row> months) {
    Dataset<Row> byWard = ReferenceFrames.populationDenominators(ref).toSpark(spark).join(broadcast(months), YEAR);
    Dataset<Row> withAll = Rollup.byWardAndCity(byWard, List.of(MONTH, INDICATOR), sum(DENOMINATOR).as(DENOMINATOR))
        .withColumn(GROUP, lit(ALL));
    return Facts.of(withAll, col(INDICATOR), lit(null), col(DENOMINATOR), lit(null));
  }

  private static Dataset<Row> event(Dataset<Row> rows, String indicator, Column date) {
    return rows.select(lit(indicator).as(INDICATOR), col(PERSON),
        coalesce(col(WARD), lit(WardDirectory.UNKNOWN)).as(WARD),
        coalesce(col(GROUP), lit(TargetGroup.RESIDENT.code())).as(GROUP), date.as(EVENT_DATE));
  }
}
