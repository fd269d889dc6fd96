package vn.haiphong.bdhvs.ingest.course;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.CsvFileParser;
import vn.haiphong.bdhvs.ingest.IngestContext;
import vn.haiphong.bdhvs.ingest.IngestLimits;
import vn.haiphong.bdhvs.ingest.PersonResolver;
import vn.haiphong.bdhvs.ingest.ReadResult;
import vn.haiphong.bdhvs.ingest.Redelivery;
import vn.haiphong.bdhvs.ingest.SourceRun;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.warehouse.CodeVersion;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * The course platforms (docs/specification.md §2.1–2.2): first the catalog in force (the latest delivery, else the
 * project's default), which the enrolments and statements are checked against; then city-lms
 * snapshots into enrolment history and national-MOOC statements with xAPI semantics.
 */
public final class CourseIngest implements Job<IngestContext> {
  static final String DEFAULT_CATALOG = "reference/course_catalog.csv";

  @Override
  public JobResult run(IngestContext ctx) {
    PersonResolver persons = new PersonResolver(ctx.personKeys(), ctx.wards(), ctx.targetGroups());
    SourceRun run = new SourceRun(ctx, "course");
    ReadResult delivered = run.read("course_catalog", new CsvFileParser(
        TableContract.load("input", "course_catalog"), new CatalogParser(ctx.targetGroups())));
    Dataset<Row> catalogRows = catalogInForce(delivered.accepted(), ctx.defaultCatalog()).persist();
    run.write("course_catalog", catalogRows, delivered);
    CourseCatalog catalog = asCatalog(catalogRows);
    catalogRows.unpersist();
    // Enrolments and statements are flagged against the catalog: another catalog, other parsed rows.
    String catalogVersion = CodeVersion.sha256(catalog.courses().stream()
        .sorted(java.util.Comparator.comparing(Course::code)).toList().toString()).substring(0, 16);

    ReadResult snapshots = run.read("lms_enrolments", new CsvFileParser(TableContract.load("input", "lms_enrolments"),
        new EnrolmentParser(persons, catalog)), catalogVersion);
    Dataset<Row> history = history(ctx.run().warehouse(), snapshots).persist();
    // Written on a new warehouse even with no snapshot yet; only snapshots read can move months.
    if (run.write("lms_enrolment_history", history, snapshots) && snapshots.changed()) {
      run.recordChangedMonths(EnrolmentHistory.monthsMoved(history, snapshots));
    }
    history.unpersist();
    ReadResult statements = run.read("mooc_statements", new JsonLinesParser(IngestLimits.of(ctx.run().spark()),
        new StatementParser(persons, catalog)),
        catalogVersion);
    run.write("mooc_statements", MoocStatements.deduplicatedAndVoided(statements.accepted()), statements);
    if (statements.changed()) {
      run.recordChangedMonths(MoocStatements.monthsMoved(statements));
    }
    return run.finish();
  }

  /**
   * The enrolment history over every snapshot held. Snapshots come daily and only the latest ones
   * are new, so when every snapshot read in this run is later than the published history's last,
   * the published history is extended by them instead of folding all snapshots again.
   */
  static Dataset<Row> history(Warehouse warehouse, ReadResult snapshots) {
    Optional<String> published = warehouse.published("staged/lms_enrolment_history");
    if (published.isPresent() && snapshots.changed()) {
      Dataset<Row> previous = snapshots.parsed().sparkSession().read().parquet(published.get());
      Row last = previous.agg(max(col("last_seen"))).first();
      String firstRead = snapshots.files().stream().map(Delivery::folder).min(String::compareTo).orElseThrow();
      if (!last.isNullAt(0) && LocalDate.parse(firstRead).isAfter(last.getDate(0).toLocalDate())) {
        return EnrolmentHistory.extended(previous, last.getDate(0), snapshots.acceptedThisRun());
      }
    }
    return EnrolmentHistory.fromSnapshots(snapshots.accepted());
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
