package vn.haiphong.bdhvs.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;

/**
 * course/national-mooc/&lt;day&gt;/statements.jsonl[.gz]: xAPI statements as the MOOC's LRS stores
 * them, with re-exported ids, voided statements, month ends crossed by UTC timestamps, extension
 * keys under varying IRIs, gzipped days (one truncated, its statements re-exported the next day)
 * and a few broken lines.
 */
final class XapiStatements {

  static final ZoneId LOCAL = ZoneId.of("Asia/Ho_Chi_Minh");
  static final String VNEID = "https://vneid.gov.vn";
  private static final String MOOC_HOME = "https://mooc.edu.vn";
  private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
  private static final String ACTIVITIES = "https://mooc.edu.vn/course/";
  private static final List<String> EXTENSION_PREFIXES = List.of("https://mooc.edu.vn/xapi/ext/",
      "http://lrs.example.vn/extensions/", "https://w3id.org/xapi/hp/ext/");
  private static final String UNKNOWN_COURSE = "MOOC-XYZ-99";
  /** This day's gzip is cut short; the LRS exports the same statements again the next day. */
  static final LocalDate TRUNCATED_DAY = LocalDate.of(2025, 10, 10);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One line to write: a statement (or a broken line) and the day the LRS stored it. */
  private record Line(String id, String json, LocalDate stored, List<QualityFlag> flags, RejectReason reject) {
  }

  private record Actor(String homePage, String name) {
    boolean vneid() {
      return VNEID.equals(homePage);
    }
  }

  private final LandingFolder landing;
  private final SplittableRandom random;
  private final PersonFields fields;
  private final Scale scale;
  private final List<Course> courses;
  private final Course certification;
  private final List<Line> lines = new ArrayList<>();
  private final OffsetDateTime end = DeliveryCalendar.LAST_DELIVERY.atTime(20, 0).atZone(LOCAL).toOffsetDateTime();
  private final Instant novemberEnd = DeliveryCalendar.REPORT_MONTH.plusMonths(1).atDay(1).atStartOfDay(LOCAL).toInstant();
  private static final LocalDate NOVEMBER_END_DAY = DeliveryCalendar.REPORT_MONTH.atEndOfMonth();
  private static final LocalDate COMPLETERS_REGISTER_BY = LocalDate.of(2025, 11, 12);
  private final DistinctPersons registered = new DistinctPersons();
  private final DistinctPersons completed = new DistinctPersons();
  private final DistinctPersons certified = new DistinctPersons();
  private int voided;

  XapiStatements(LandingFolder landing, SplittableRandom random, PersonFields fields, Scale scale,
      CourseCatalog catalog) {
    this.landing = landing;
    this.random = random;
    this.fields = fields;
    this.scale = scale;
    this.courses = catalog.onPlatform(Course.NATIONAL_MOOC);
    this.certification = courses.stream().filter(Course::certification).findFirst().orElseThrow();
  }

  /** What a learner counted up to 30/11 does on the MOOC by then (docs/specification.md §2.2). */
  private enum Journey { CERTIFIED, COMPLETED, STARTED }

  /** Registered on a course missing from the catalog: MOOC learners too. */
  private static final int UNKNOWN_COURSE_LEARNERS = 3;
  /** Learners whose registration lies at a month end in local time (see {@link #learner}). */
  private static final int MONTH_END_LEARNERS = 4;

  /** Plans every statement; nothing is written before {@link #write}. */
  void plan() {
    // The seed report's funnel, exactly: learners registered up to 30/11, those who completed a
    // course, those certified on VNeID. Paths are dealt out in a shuffled order over the learners.
    int counted = scale.moocLearners - UNKNOWN_COURSE_LEARNERS - MONTH_END_LEARNERS / 2;
    List<Journey> paths = new ArrayList<>();
    for (int i = 0; i < counted; i++) {
      paths.add(i < scale.vneidCertified ? Journey.CERTIFIED : i < scale.moocCompleted ? Journey.COMPLETED : Journey.STARTED);
    }
    for (int i = paths.size() - 1; i > 0; i--) {
      java.util.Collections.swap(paths, i, random.nextInt(i + 1));
    }
    int index = 0;
    for (; index < MONTH_END_LEARNERS; index++) {
      learner(index, null);
    }
    for (Journey path : paths) {
      learner(index++, path);
    }
    // A few register in December: not yet learners of the November report.
    for (int i = 0; i < Math.max(2, scale.moocLearners / 100); i++) {
      learner(index++, null);
    }
    for (int i = 0; i < UNKNOWN_COURSE_LEARNERS; i++) {
      unknownCourse();
    }
    brokenLines();
  }

  /** Writes the statements planned, checks the seed report's funnel and records it in the ledger. */
  void write() {
    writeDays();
    check("MOOC learners", registered, scale.moocLearners);
    check("MOOC completers", completed, scale.moocCompleted);
    check("VNeID certified", certified, scale.vneidCertified);
    landing.ledger.fact("mooc_learners_registered_2025_11", registered.count());
    landing.ledger.fact("mooc_learners_completed_2025_11", completed.count());
    landing.ledger.fact("vneid_certified_2025_11", certified.count());
    landing.ledger.fact("mooc_statements_voided", voided);
  }

  private static void check(String what, DistinctPersons persons, int planned) {
    if (persons.count() != planned) {
      throw new IllegalStateException(what + " up to 30/11: " + persons + ", planned " + planned);
    }
  }

  /**
   * One learner. {@code path} null: the first {@link #MONTH_END_LEARNERS} register at a month end
   * in UTC and do nothing else; later ones register in December. A completing path registers by
   * 12/11 so that its whole course (at most about 12 days) ends before 30/11.
   */
  private void learner(int index, Journey path) {
    TargetGroupFields.LabelField group = fields.groups().draw(random);
    SyntheticPeople.Person p = fields.personOf(group, random.nextInt(10) < 7, false);
    // Identity verified through VNeID needs a CCCD: the youngest pupils have a platform account.
    boolean vneid = p.cccd() != null;
    Actor actor = vneid ? new Actor(VNEID, p.cccd()) : new Actor(MOOC_HOME, "u" + (1_000_000 + index));
    landing.quirks.quirk(vneid ? "xapi_actor_vneid" : "xapi_actor_platform");
    Course course = path == Journey.CERTIFIED ? certification
        : random.nextInt(10) < 6 ? certification : courses.get(random.nextInt(courses.size()));
    boolean monthEnd = index < MONTH_END_LEARNERS;
    // 2025-11-30T18:30Z is 1 December local (not a November learner), 2025-10-31T16:45Z is still 31 October local.
    OffsetDateTime t;
    if (monthEnd) {
      t = index % 2 == 0 ? OffsetDateTime.parse("2025-11-30T18:30:00Z") : OffsetDateTime.parse("2025-10-31T16:45:00Z");
      landing.quirks.quirk("xapi_timestamp_crosses_local_month_end");
    } else {
      LocalDate from = path == null ? NOVEMBER_END_DAY.plusDays(1) : DeliveryCalendar.FIRST_DAY;
      LocalDate to = path == null ? DeliveryCalendar.LAST_DELIVERY.minusDays(1)
          : path == Journey.STARTED ? NOVEMBER_END_DAY : COMPLETERS_REGISTER_BY;
      long minutes = java.time.temporal.ChronoUnit.DAYS.between(from, to.plusDays(1)) * 24 * 60;
      t = from.atStartOfDay(LOCAL).toOffsetDateTime().plusMinutes(random.nextLong(minutes));
    }
    WardFields.WardField ward = fields.wards().draw(random);
    String regId = add(actor, "registered", course.code(), t, null,
        context(EXTENSION_PREFIXES.get(index % EXTENSION_PREFIXES.size()), ward, group, p), flags(ward, group));
    String key = vneid ? actor.name() : null;
    if (!regId.isEmpty() && t.toInstant().isBefore(novemberEnd)) {
      registered.add(key, null, "national-mooc", actor.name());
    }
    if (monthEnd) {
      return;
    }
    t = t.plusMinutes(5 + random.nextInt(600));
    String launched = add(actor, "launched", course.code(), t, null, null, List.of());
    // Completers take two or three steps; the others at most one, or complete and see it voided.
    // (only early registrants: the void must come before the last delivery for the completion not to count)
    boolean voidCompletion = path == Journey.STARTED && t.toLocalDate().isBefore(COMPLETERS_REGISTER_BY)
        && random.nextInt(40) == 0;
    int steps = path == Journey.CERTIFIED || path == Journey.COMPLETED || voidCompletion ? 2 + random.nextInt(2)
        : path == null ? random.nextInt(4) : random.nextInt(2);
    String progressed = null;
    for (int s = 0; s < steps; s++) {
      t = t.plusHours(2 + random.nextInt(72));
      progressed = add(actor, "progressed", course.code(), t, result(null, null, 0.2 + 0.2 * s), null, List.of());
    }
    if (random.nextInt(10) < 3) {
      reExport(launched);
      if (progressed != null) {
        reExport(progressed);
      }
    }
    if (steps < 2) {
      return;
    }
    t = t.plusHours(1 + random.nextInt(48));
    String completedId = add(actor, "completed", course.code(), t, result(true, null, null), null, List.of());
    // A completer of the certification course who is not to be certified fails its test.
    boolean passes = path == Journey.CERTIFIED || (path == Journey.COMPLETED && course.certification() ? false : random.nextInt(10) < 8);
    t = t.plusMinutes(3 + random.nextInt(120));
    double score = passes ? 0.7 + random.nextInt(30) / 100.0 : 0.2 + random.nextInt(40) / 100.0;
    String outcome = add(actor, passes ? "passed" : "failed", course.code(), t, result(true, passes, score), null, List.of());
    if (voidCompletion) {
      // The LRS administrator cancels a completion recorded by mistake.
      voidStatement(completedId, t.plusHours(3 + random.nextInt(48)));
      voidStatement(outcome, t.plusHours(3 + random.nextInt(48)));
      return;
    }
    if (path == Journey.COMPLETED && random.nextInt(40) == 0) {
      voidStatement(outcome, t.plusHours(3 + random.nextInt(48)));
    }
    if (path == Journey.CERTIFIED || path == Journey.COMPLETED) {
      completed.add(key, null, "national-mooc", actor.name());
    }
    if (path == Journey.CERTIFIED) {
      certified.add(key, null, "national-mooc", actor.name());
    }
  }

  /**
   * Contest registrants whose identity VNeID verifies: they register on the certification course in December
   * under their CCCD, one person in a third source that the CCCD joins (docs/specification.md §4.1).
   */
  void registerFromContest(List<ContestRegistrations.Registrant> registrants, SplittableRandom linkage) {
    for (ContestRegistrations.Registrant c : registrants) {
      Actor actor = new Actor(VNEID, c.person().cccd());
      OffsetDateTime t = NOVEMBER_END_DAY.plusDays(2 + linkage.nextInt(5)).atTime(8 + linkage.nextInt(12), 0)
          .atZone(LOCAL).toOffsetDateTime();
      add(actor, "registered", certification.code(), t, null, context(EXTENSION_PREFIXES.get(0), c.ward(), c.group(), c.person()),
          flags(c.ward(), c.group()));
      add(actor, "launched", certification.code(), t.plusMinutes(10), null, null, List.of());
      landing.quirks.quirk("linkage_contest_registrant_on_the_mooc");
    }
  }

  /** A registration's context: the learner's ward, target group and birth year, under {@code prefix}'s extensions. */
  private static Map<String, Object> context(String prefix, WardFields.WardField ward, TargetGroupFields.LabelField group,
      SyntheticPeople.Person p) {
    return ordered("extensions", ordered(prefix + "ward", ward.text(), prefix + "target-group", group.text(),
        prefix + "birth-year", p.birthDate().getYear()));
  }

  private static List<QualityFlag> flags(WardFields.WardField ward, TargetGroupFields.LabelField group) {
    List<QualityFlag> flags = new ArrayList<>();
    if (ward.flag() != null) {
      flags.add(ward.flag());
    }
    if (group.flag() != null) {
      flags.add(group.flag());
    }
    return flags;
  }

  /** Voids {@code target}; returns the id cancelled, or "" when nothing was (target or void after the last delivery). */
  private String voidStatement(String target, OffsetDateTime at) {
    if (target.isEmpty()) {
      return "";
    }
    String id = addRaw(new Actor(MOOC_HOME, "lrs-admin"), "voided", ordered("objectType", "StatementRef", "id", target),
        at, null, null, List.of());
    if (id.isEmpty()) {
      return "";
    }
    voided++;
    landing.quirks.quirk("xapi_voided");
    return target;
  }

  /** A JSON object with its keys in the order given (Map.of would order them differently per JVM). */
  private static Map<String, Object> ordered(Object... keyValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  private void unknownCourse() {
    SyntheticPeople.Person p = fields.people().next(true, false);
    // Registered on a course missing from the catalog: kept, flagged, and still a MOOC learner.
    add(new Actor(VNEID, p.cccd()), "registered", UNKNOWN_COURSE,
        OffsetDateTime.parse("2025-11-12T02:00:00Z").plusHours(random.nextInt(200)), null, null,
        List.of(QualityFlag.COURSE_UNKNOWN));
    registered.add(p.cccd(), null, "national-mooc", p.cccd());
    landing.quirks.quirk("xapi_unknown_course");
  }

  private Map<String, Object> result(Boolean completion, Boolean success, Double scaled) {
    Map<String, Object> r = new LinkedHashMap<>();
    if (completion != null) {
      r.put("completion", completion);
    }
    if (success != null) {
      r.put("success", success);
    }
    if (scaled != null) {
      r.put("score", ordered("scaled", Math.round(scaled * 100) / 100.0));
    }
    return r;
  }

  private String add(Actor actor, String verb, String course, OffsetDateTime at, Map<String, Object> result,
      Map<String, Object> context, List<QualityFlag> flags) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("objectType", "Activity");
    object.put("id", ACTIVITIES + course);
    landing.quirks.quirk("xapi_verb_" + verb);
    return addRaw(actor, verb, object, at, result, context, flags);
  }

  private String addRaw(Actor actor, String verb, Map<String, Object> object, OffsetDateTime at,
      Map<String, Object> result, Map<String, Object> context, List<QualityFlag> flags) {
    if (at.isAfter(end)) {
      return "";
    }
    String id = uuid();
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("id", id);
    if (actor != null) {
      Map<String, Object> account = new LinkedHashMap<>();
      account.put("homePage", actor.homePage());
      account.put("name", actor.name());
      s.put("actor", ordered("objectType", "Agent", "account", account));
    }
    s.put("verb", ordered("id", VERBS + verb));
    s.put("object", object);
    if (result != null && !result.isEmpty()) {
      s.put("result", result);
    }
    if (context != null) {
      s.put("context", context);
    }
    // Most LRS exports write UTC with Z; some keep the local offset.
    boolean utc = random.nextInt(5) != 0 || at.getOffset().equals(ZoneOffset.UTC);
    s.put("timestamp", (utc ? at.withOffsetSameInstant(ZoneOffset.UTC) : at.atZoneSameInstant(LOCAL).toOffsetDateTime())
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    LocalDate stored = at.atZoneSameInstant(LOCAL).toLocalDate().plusDays(random.nextInt(4) == 0 ? 1 : 0);
    if (stored.isAfter(DeliveryCalendar.LAST_DELIVERY)) {
      stored = DeliveryCalendar.LAST_DELIVERY;
    }
    lines.add(new Line(id, json(s), stored, flags, null));
    return id;
  }

  /** The same statement exported again on a later day: counts once. */
  private void reExport(String id) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      Line l = lines.get(i);
      if (l.id().equals(id)) {
        LocalDate later = l.stored().plusDays(1 + random.nextInt(5));
        if (!later.isAfter(DeliveryCalendar.LAST_DELIVERY)) {
          lines.add(new Line(id, l.json(), later, List.of(), null));
          landing.quirks.quirk("xapi_statement_reexported");
        }
        return;
      }
    }
  }

  private void brokenLines() {
    LocalDate day = LocalDate.of(2025, 11, 14);
    lines.add(new Line("broken-1", "{\"id\": \"" + uuid() + "\", \"actor\": {\"account\": ", day, List.of(), RejectReason.INVALID_JSON));
    lines.add(new Line("broken-2", "statement lost in transfer", LocalDate.of(2025, 9, 20), List.of(), RejectReason.INVALID_JSON));
    Map<String, Object> liked = new LinkedHashMap<>();
    liked.put("id", uuid());
    liked.put("actor", ordered("objectType", "Agent", "account", ordered("homePage", MOOC_HOME, "name", "u0000001")));
    liked.put("verb", ordered("id", "https://w3id.org/xapi/video/verbs/paused"));
    liked.put("object", ordered("objectType", "Activity", "id", ACTIVITIES + certification.code()));
    liked.put("timestamp", "2025-11-14T03:00:00Z");
    lines.add(new Line("broken-3", json(liked), day, List.of(), RejectReason.UNKNOWN_VERB));
    Map<String, Object> noActor = new LinkedHashMap<>(liked);
    noActor.put("id", uuid());
    noActor.remove("actor");
    noActor.put("verb", ordered("id", VERBS + "launched"));
    lines.add(new Line("broken-4", json(noActor), day, List.of(), RejectReason.MISSING_REQUIRED));
    landing.quirks.quirk("xapi_invalid_json_line", 2);
    landing.quirks.quirk("xapi_unknown_verb");
    landing.quirks.quirk("xapi_missing_actor");
  }

  private void writeDays() {
    TreeMap<LocalDate, List<Line>> byDay = new TreeMap<>();
    for (Line l : lines) {
      byDay.computeIfAbsent(l.stored(), d -> new ArrayList<>()).add(l);
    }
    // The truncated day's statements come again, whole, with the next day's export.
    List<Line> truncated = byDay.getOrDefault(TRUNCATED_DAY, List.of());
    byDay.computeIfAbsent(TRUNCATED_DAY.plusDays(1), d -> new ArrayList<>()).addAll(truncated);
    for (var day : byDay.entrySet()) {
      boolean gz = day.getKey().getDayOfMonth() % 7 == 3 || day.getKey().equals(TRUNCATED_DAY);
      String path = "course/national-mooc/" + day.getKey() + "/statements.jsonl" + (gz ? ".gz" : "");
      ExpectedLedger.FileEntry entry = landing.ledger.file("course", "mooc_statements", path);
      StringBuilder text = new StringBuilder();
      for (Line l : day.getValue()) {
        text.append(l.json()).append('\n');
        if (l.reject() != null) {
          entry.rejectedRow(l.reject());
        } else {
          entry.row();
          l.flags().forEach(entry::flag);
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      if (gz) {
        bytes = gzip(bytes);
        landing.quirks.quirk("xapi_gzipped_days");
      }
      if (day.getKey().equals(TRUNCATED_DAY)) {
        bytes = Arrays.copyOf(bytes, bytes.length / 2);
        entry.fileReject = RejectReason.FILE_CORRUPT;
        landing.quirks.quirk("file_truncated_gzip");
      }
      landing.write(path, bytes);
    }
  }

  private String uuid() {
    long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lo = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  private static String json(Map<String, Object> value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
        gz.write(bytes);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
