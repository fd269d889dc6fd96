package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.struct;
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

import java.util.ArrayList;
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

  /**
   * Distinct-person counts of every person indicator, at every level. Each source is read once: a
   * row becomes one event per indicator it counts for, the measured rates' included.
   */
  static Dataset<Row> counts(CubeInputs in, Dataset<Row> months) {
    Column lmsCompletion = lmsCompletionDate();
    Column moocDate = col("local_date");
    Column moocCompletion = when(col("verb").isin("completed", "passed"), moocDate);
    Column certified = when(col("certifies"), moocDate);
    List<Column> lms = new ArrayList<>(List.of(tag("LMS_LEARNERS", col("valid_from")), tag("LMS_COMPLETED", lmsCompletion)));
    lms.addAll(measuredTags(false, lmsCompletion));
    List<Column> mooc = new ArrayList<>(List.of(tag("MOOC_LEARNERS", when(col("verb").equalTo("registered"), moocDate)),
        tag("VNEID_CERTIFIED", certified)));
    mooc.addAll(measuredTags(false, moocCompletion));
    mooc.addAll(measuredTags(true, certified));
    Dataset<Row> events = events(in.contestRegistrations(), List.of(tag("CONTEST_REGISTRANTS", col("registered_date"))))
        .unionByName(events(in.lmsEnrolmentHistory(), lms))
        .unionByName(events(attributedStatements(in.moocStatements()), mooc));
    return Facts.numerators(Rollup.distinctPersons(events, months), col(INDICATOR), col(NUMERATOR));
  }

  /** Wards (not UNKNOWN) with at least one registrant to month end, over the 114. */
  static Dataset<Row> contestWardCoverage(Dataset<Row> counts, int wardCount) {
    Dataset<Row> wards = counts.filter(col(INDICATOR).equalTo("CONTEST_REGISTRANTS").and(col(GROUP).equalTo(ALL))
            .and(not(col(WARD).isin(ALL, WardDirectory.UNKNOWN))).and(col(NUMERATOR).gt(0)))
        .groupBy(MONTH).agg(count(lit(1)).as("wards"));
    return Facts.city(wards, lit("CONTEST_WARD_COVERAGE"), col("wards"), lit(wardCount));
  }

  /**
   * The day a city-lms row shows a completion, null when it shows none: the earlier of the completion
   * date and the first snapshot showing it.
   */
  static Column lmsCompletionDate() {
    return when(col("status").equalTo("completed").or(col("completed_on").isNotNull()),
        least(when(col("status").equalTo("completed"), col("valid_from")), col("completed_on")));
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

  /**
   * The measured rates' numerator events of a completion ({@code certified}: of a certificate) on
   * {@code date}: persons of the rate's group, counted by ward only.
   */
  private static List<Column> measuredTags(boolean certified, Column date) {
    return MEASURED.stream().filter(rate -> rate.certifiedOnly() == certified)
        .map(rate -> tag(rate.code(), lit(ALL), rate.group() == null ? date : when(col(GROUP).equalTo(rate.group()), date)))
        .toList();
  }

  /** Each measured rate's denominator per ward (from the population reference) and for ALL (their sum); UNKNOWN has none. */
  static Dataset<Row> measuredDenominators(SparkSession spark, CubeReference ref, Dataset<Row> months) {
    Dataset<Row> byWard = ReferenceFrames.populationDenominators(ref).toSpark(spark).join(broadcast(months), YEAR);
    Dataset<Row> withAll = Rollup.byWardAndCity(byWard, List.of(MONTH, INDICATOR), sum(DENOMINATOR).as(DENOMINATOR))
        .withColumn(GROUP, lit(ALL));
    return Facts.of(withAll, col(INDICATOR), lit(null), col(DENOMINATOR), lit(null));
  }

  /** An indicator a row counts for, in its own target group, and the row's date for it: null when the row does not count. */
  private static Column tag(String indicator, Column date) {
    return tag(indicator, col(GROUP), date);
  }

  private static Column tag(String indicator, Column group, Column date) {
    return struct(lit(indicator).as(INDICATOR), group.as(GROUP), date.as(EVENT_DATE));
  }

  /** One event per row and tag that has a date; ward and target group UNKNOWN and resident when missing. */
  private static Dataset<Row> events(Dataset<Row> rows, List<Column> tags) {
    return rows.withColumn(WARD, coalesce(col(WARD), lit(WardDirectory.UNKNOWN)))
        .withColumn(GROUP, coalesce(col(GROUP), lit(TargetGroup.RESIDENT.code())))
        .select(col(PERSON), col(WARD), explode(array(tags.toArray(Column[]::new))).as("tag"))
        .select(col("tag." + INDICATOR), col(PERSON), col(WARD), col("tag." + GROUP), col("tag." + EVENT_DATE))
        .filter(col(EVENT_DATE).isNotNull());
  }
}
