package vn.haiphong.bdhvs.ingest.course;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.types.DataTypes;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.PersonResolver;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.VietText;

/** One row of a city-lms snapshot → a learner × class state on the snapshot's day. */
final class EnrolmentParser extends RecordParser<RecordFields> {
  private final PersonResolver persons;
  private final CourseCatalog catalog;

  EnrolmentParser(PersonResolver persons, CourseCatalog catalog) {
    // The history's parsed columns plus the snapshot day, which EnrolmentHistory consumes.
    super(parsedColumnsOf("lms_enrolment_history").add("snapshot_date", DataTypes.DateType, false));
    this.persons = persons;
    this.catalog = catalog;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String learner = f.required("learner_id");
    String classCode = f.required("class_code");
    LocalDate enrolled = f.requiredDate("enrolled_on");
    PersonResolver.Person p = persons.read(f, Course.CITY_LMS, learner);
    if (catalog.byCode(classCode).isEmpty()) {
      f.flag(QualityFlag.COURSE_UNKNOWN.code());
    }
    LocalDate completed = f.optionalDate("completed_on");
    return new Object[] {
        persons.pseudonym(Course.CITY_LMS, learner), p.personKey(), p.keyBasis(), p.cccdHash(), p.cmndHash(), p.phoneHash(), p.wardCode(),
        p.targetGroup(), p.gender(), p.birthYear(), classCode.toUpperCase(java.util.Locale.ROOT),
        Date.valueOf(enrolled), f.optionalPercent("progress_pct"), status(f),
        completed == null ? null : Date.valueOf(completed), f.flags(), file.path(),
        Date.valueOf(LocalDate.parse(file.folder()))};
  }

  private static String status(RecordFields f) {
    String s = f.text("status");
    if (s == null) {
      return null;
    }
    String folded = switch (s) {
      // The platform's own spellings, before any folding.
      case "Chưa bắt đầu" -> "chua bat dau";
      case "Đang học" -> "dang hoc";
      case "Hoàn thành" -> "hoan thanh";
      default -> VietText.fold(s);
    };
    return switch (folded) {
      case "chua bat dau" -> "not_started";
      case "dang hoc" -> "in_progress";
      case "hoan thanh" -> "completed";
      default -> {
        f.flag(QualityFlag.BAD_VALUE.code() + ":status");
        yield null;
      }
    };
  }
}
