package vn.haiphong.bdhvs.ingest.course;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.CsvFileParser;
import vn.haiphong.bdhvs.ingest.PersonResolver;
import vn.haiphong.bdhvs.ingest.Redelivery;
import vn.haiphong.bdhvs.ingest.SourceRun;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.runtime.Job;
import vn.haiphong.bdhvs.runtime.JobContext;
import vn.haiphong.bdhvs.runtime.JobResult;

/**
 * The course platforms (SPEC §2.1–2.2): first the catalog in force (the latest delivery, else the
 * project's default), which the enrolments and statements are checked against; then city-lms
 * snapshots into enrolment history and national-MOOC statements with xAPI semantics.
 */
public final class CourseIngest implements Job {
  static final String DEFAULT_CATALOG = "reference/course_catalog.csv";

  @Override
  public JobResult run(JobContext ctx) {
    PersonResolver persons = new PersonResolver(ctx.personKeys(), ctx.wards(), ctx.targetGroups());
    try (SourceRun run = new SourceRun(ctx, "course")) {
      Dataset<Row> delivered = run.read("course_catalog", new CsvFileParser(
          TableContract.load("input", "course_catalog"), new CatalogParser(ctx.targetGroups()))).accepted();
      Dataset<Row> catalogRows = catalogInForce(delivered, ctx.defaultCatalog()).persist();
      run.write("course_catalog", catalogRows);
      CourseCatalog catalog = asCatalog(catalogRows);
      catalogRows.unpersist();

      run.write("lms_enrolment_history", EnrolmentHistory.fromSnapshots(run.read("lms_enrolments",
          new CsvFileParser(TableContract.load("input", "lms_enrolments"),
              new EnrolmentParser(persons, catalog))).accepted()));
      run.write("mooc_statements", MoocStatements.deduplicatedAndVoided(run.read("mooc_statements",
          new JsonLinesParser(new StatementParser(persons, catalog))).accepted()));
      return run.finish();
    }
  }

  /** The latest delivered catalog (all its rows, the last line per code), else the default one. */
  public static Dataset<Row> catalogInForce(Dataset<Row> delivered, CourseCatalog fallback) {
    Row newest = delivered.agg(max(col("delivery_folder"))).first();
    if (newest.isNullAt(0)) {
      return defaultCatalog(delivered.sparkSession(), delivered.schema(), fallback);
    }
    return Redelivery.lastRowPer(delivered.filter(col("delivery_folder").equalTo(newest.getString(0))),
        col("course_code"));
  }

  private static Dataset<Row> defaultCatalog(SparkSession spark, StructType schema, CourseCatalog catalog) {
    List<Row> rows = new ArrayList<>();
    for (Course c : catalog.courses()) {
      rows.add(RowFactory.create(c.code(), c.title(), c.platform(), c.topic(), c.targetGroup(),
          c.certification(), new String[0], DEFAULT_CATALOG, null, null));
    }
    return spark.createDataFrame(rows, schema);
  }

  private static CourseCatalog asCatalog(Dataset<Row> rows) {
    List<Course> courses = new ArrayList<>();
    for (Row r : rows.collectAsList()) {
      Boolean cert = r.getAs("certification");
      courses.add(new Course(r.getAs("course_code"), r.getAs("platform"), r.getAs("title"),
          r.getAs("topic"), r.getAs("target_group"), cert != null && cert));
    }
    return CourseCatalog.of(courses);
  }
}
