package vn.haiphong.bdhvs.ingest.course;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.PersonResolver;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.UnexpectedValue;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.WardResolution;

/**
 * One xAPI 1.0.3 statement (docs/specification.md §2.2) → a pseudonymized statement: the actor becomes a person
 * key (a VNeID account's name is a CCCD), the object a course code, the timestamp a local day.
 */
final class StatementParser extends RecordParser<JsonNode> {
  static final String VNEID = "https://vneid.gov.vn";
  // A list, not Set.of: the reject message lists them, and Set.of's order changes from JVM to JVM.
  static final List<String> VERBS =
      List.of("registered", "launched", "progressed", "completed", "passed", "failed", "voided");
  private static final TableContract INPUT = TableContract.load("input", "mooc_statements");

  private final PersonResolver persons;
  private final CourseCatalog catalog;

  StatementParser(PersonResolver persons, CourseCatalog catalog) {
    super(parsedColumnsOf("mooc_statements"));
    this.persons = persons;
    this.catalog = catalog;
  }

  @Override
  public Object[] parse(JsonNode s, Delivery file) throws RecordRejected {
    Map<String, String> ext = extensions(s.path("context").path("extensions"));
    RecordFields f = new RecordFields(INPUT, name -> switch (name) {
      case "id" -> text(s.path("id"));
      case "actor_home_page" -> text(s.path("actor").path("account").path("homePage"));
      case "actor_name" -> text(s.path("actor").path("account").path("name"));
      case "verb" -> text(s.path("verb").path("id"));
      case "object_id" -> text(s.path("object").path("id"));
      case "object_type" -> text(s.path("object").path("objectType"));
      case "timestamp" -> text(s.path("timestamp"));
      case "score_scaled" -> s.path("result").path("score").path("scaled").isNumber()
          ? s.path("result").path("score").path("scaled").asText() : null;
      case "ward" -> ext.get("ward");
      case "target_group" -> ext.get("target-group");
      case "birth_year" -> ext.get("birth-year");
      default -> null;
    });
    String id = f.required("id");
    String homePage = f.required("actor_home_page");
    String account = f.required("actor_name");
    String verb = lastSegment(f.required("verb"));
    if (!VERBS.contains(verb)) {
      throw new RecordRejected(RejectReason.UNKNOWN_VERB, "verb.id is not an ADL verb bdhvs reads (found "
          + f.shown(f.text("verb")) + "); expected one of " + VERBS);
    }
    String objectId = f.required("object_id");
    OffsetDateTime at = f.requiredIsoTimestamp("timestamp");
    LocalDate local = at.atZoneSameInstant(ExportValues.LOCAL_ZONE).toLocalDate();

    boolean vneid = VNEID.equalsIgnoreCase(homePage.replaceAll("/+$", ""));
    String key = persons.pseudonym("national-mooc", account);
    // Only a VNeID account's name is a CCCD; any other account name is a platform id.
    String cccd = vneid ? account : null;
    String personKey = persons.keyOf(cccd, null, Course.NATIONAL_MOOC, account);
    String basis = persons.basisOf(cccd, null, Course.NATIONAL_MOOC, account);

    String course = null;
    String voided = null;
    boolean certifies = false;
    if (verb.equals("voided")) {
      // Statement ids are UUIDs, which compare case-insensitively: the id is kept in lower case too.
      voided = objectId.toLowerCase(java.util.Locale.ROOT);
    } else {
      course = lastSegment(objectId).toUpperCase(java.util.Locale.ROOT);
      Course c = catalog.byCode(course).orElse(null);
      if (c == null) {
        f.flag(QualityFlag.COURSE_UNKNOWN.code());
      }
      certifies = verb.equals("passed") && c != null && c.certification();
    }
    // Only statements that carry the extensions (registrations, as the LRS exports them) say
    // where the learner lives and who they are; absent is not unknown.
    String ward = null;
    if (ext.containsKey("ward")) {
      WardResolution w = persons.ward(f.text("ward"));
      f.flag(w.flag());
      ward = w.wardCode();
    }
    String group = ext.containsKey("target-group") ? persons.targetGroup(f, f.text("target_group")) : null;
    JsonNode result = s.path("result");
    return new Object[] {
        id.toLowerCase(java.util.Locale.ROOT), key, personKey, basis, persons.cccdHash(cccd), verb, course, voided,
        ward, group, f.optionalYear("birth_year"),
        bool(result.path("completion")), bool(result.path("success")),
        f.optional("score_scaled", StatementParser::scaled),
        Timestamp.from(at.toInstant()), Date.valueOf(local), local.toString().substring(0, 7),
        certifies, f.flags(), file.path(), file.folder()};
  }

  /** Extension keys are IRIs whose host and prefix vary between exports: match their last segment. */
  private static Map<String, String> extensions(JsonNode node) {
    Map<String, String> out = new java.util.HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      out.put(lastSegment(e.getKey()).toLowerCase(java.util.Locale.ROOT), text(e.getValue()));
    }
    return out;
  }

  static String lastSegment(String iri) {
    String t = iri.replaceAll("[/#]+$", "");
    int cut = Math.max(t.lastIndexOf('/'), t.lastIndexOf('#'));
    return cut >= 0 ? t.substring(cut + 1) : t;
  }

  private static String text(JsonNode n) {
    return n == null || n.isMissingNode() || n.isNull() || n.isContainerNode() ? null : n.asText();
  }

  private static double scaled(String v) {
    double score = ExportValues.finite(Double.parseDouble(v), v);
    if (score < -1 || score > 1) {
      throw new UnexpectedValue("a scaled score from -1 to 1", v);
    }
    return score;
  }

  private static Boolean bool(JsonNode n) {
    return n.isBoolean() ? n.asBoolean() : null;
  }
}
