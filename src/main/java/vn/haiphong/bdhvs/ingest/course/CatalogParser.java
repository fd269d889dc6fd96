package vn.haiphong.bdhvs.ingest.course;

import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.UnexpectedValue;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.VietText;

/** One row of courses.csv → a catalog entry. */
final class CatalogParser extends RecordParser<RecordFields> {
  private final TargetGroupLabels groups;

  CatalogParser(TargetGroupLabels groups) {
    super(parsedColumnsOf("course_catalog"));
    this.groups = groups;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String code = f.required("course_code");
    String label = f.text("target_group");
    String group = null;
    if (label != null) {
      var resolved = groups.resolve(label);
      f.flag(resolved.flag());
      group = resolved.flag() == null ? resolved.code() : null;
    }
    return new Object[] {
        code, f.text("title"), platform(f), f.text("topic"), group,
        f.optional("vneid_certification", CatalogParser::yesNo), f.flags(), file.path(), file.folder()};
  }

  private static String platform(RecordFields f) {
    String p = f.text("platform");
    if (p == null) {
      return null;
    }
    String folded = VietText.fold(p).replace(' ', '-');
    if (folded.equals(Course.CITY_LMS) || folded.equals(Course.NATIONAL_MOOC)) {
      return folded;
    }
    f.flag(QualityFlag.BAD_VALUE.code() + ":platform");
    return null;
  }

  private static Boolean yesNo(String v) {
    return switch (VietText.fold(v)) {
      case "co", "x", "yes", "true", "1" -> true;
      case "khong", "no", "false", "0" -> false;
      default -> throw new UnexpectedValue("Có or Không", v);
    };
  }
}
