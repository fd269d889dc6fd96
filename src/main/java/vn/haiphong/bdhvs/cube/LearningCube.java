package vn.haiphong.bdhvs.cube;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.when;
import static vn.haiphong.bdhvs.cube.Rollup.GROUP;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH;
import static vn.haiphong.bdhvs.cube.Rollup.MONTH_END;
import static vn.haiphong.bdhvs.cube.Rollup.PERSON;
import static vn.haiphong.bdhvs.cube.Rollup.WARD;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.identity.LinkedRecords;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.TargetGroup;

/** Learning activity by platform × class/course × ward × target group × month, distinct persons at every level. */
public final class LearningCube {
  private static final String PLATFORM = "platform";
  private static final String COURSE = "course_code";
  private static final String LEARNERS = "learners";

  private LearningCube() {}

  public static Dataset<Row> build(SparkSession spark, CubeInputs in, CubeReference ref) {
    Dataset<Row> months = broadcast(ReferenceFrames.months(ref.months()).toSpark(spark));
    in.table("person_links").createOrReplaceTempView("staged_person_links");
    Dataset<Row> history = linked(in.table("lms_enrolment_history"), "lms_enrolment_history")
        .withColumn(PERSON, col("linked_person_key")).drop("linked_person_key");
    linked(in.table("mooc_statements"), "mooc_statements").createOrReplaceTempView("linked_mooc_statements");
    return cityLms(history, months)
        .unionByName(mooc(spark, months))
        .withColumn("run_id", lit(ref.runId()));
  }

  /** {@code rows} of staged {@code table} with the person each belongs to across sources (identity/linked_records.sql). */
  private static Dataset<Row> linked(Dataset<Row> rows, String table) {
    rows.createOrReplaceTempView("staged_" + table);
    return rows.sparkSession().sql(LinkedRecords.sql(table));
  }

  /**
   * A class's learners in a month are the persons enrolled in the latest snapshot on or before the
   * month end (the seed report's class sizes). A history row holds from valid_from until valid_to,
   * both snapshot days, so "valid at the latest snapshot S ≤ month end" is the same test as "valid
   * at the month end": no snapshot falls between S and the month end to change it.
   */
  static Dataset<Row> cityLms(Dataset<Row> history, Dataset<Row> months) {
    Column validAtMonthEnd = col("valid_from").leq(col(MONTH_END))
        .and(col("valid_to").isNull().or(col("valid_to").gt(col(MONTH_END))));
    Dataset<Row> enrolled = history.join(months, validAtMonthEnd)
        .select(col(MONTH), lit(Course.CITY_LMS).as(PLATFORM), col("class_code").as(COURSE), col(WARD), col(GROUP),
            col(PERSON), col("status").equalTo("completed").as("completed"));
    // One row per person and cell first, then counts: two countDistinct would copy every row once per count.
    return Rollup.atEveryLevel(enrolled).groupBy(MONTH, PLATFORM, COURSE, WARD, GROUP, PERSON)
        .agg(max("completed").as("completed"))
        .groupBy(MONTH, PLATFORM, COURSE, WARD, GROUP).agg(
            count(PERSON).as(LEARNERS),
            count(when(col("completed"), col(PERSON))).as("completed"),
            lit(null).cast("bigint").as("registered"),
            lit(null).cast("bigint").as("passed"),
            lit(null).cast("bigint").as("certified"));
  }

  /** MOOC courses (the relation linked_mooc_statements), cumulative to month end: any live statement, registered, completed or passed, passed, certified. */
  static Dataset<Row> mooc(SparkSession spark, Dataset<Row> months) {
    Column date = col("local_date");
    Dataset<Row> live = spark.sql(CubeSql.moocAttributed()).filter(col(COURSE).isNotNull())
        .select(lit(Course.NATIONAL_MOOC).as(PLATFORM), col(COURSE),
            coalesce(col(WARD), lit(DimensionMember.UNKNOWN)).as(WARD),
            coalesce(col(GROUP), lit(TargetGroup.RESIDENT.code())).as(GROUP),
            col(PERSON),
            date.as(LEARNERS),
            when(col("verb").isin("completed", "passed"), date).as("completed"),
            when(col("verb").equalTo("registered"), date).as("registered"),
            when(col("verb").equalTo("passed"), date).as("passed"),
            when(col("certifies"), date).as("certified"));
    List<String> measures = List.of(LEARNERS, "completed", "registered", "passed", "certified");
    return Rollup.personsToMonthEnd(Rollup.firstDates(live, List.of(PLATFORM, COURSE), measures),
        List.of(PLATFORM, COURSE, WARD, GROUP), measures, months);
  }
}
