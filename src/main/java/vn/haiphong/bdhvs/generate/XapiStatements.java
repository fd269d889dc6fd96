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
import vn.haiphong.bdhvs.ingest.QualityFlag;
import vn.haiphong.bdhvs.ingest.RejectReason;
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
  private final DistinctPersons registered = new DistinctPersons();
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

  void generate() {
    for (int i = 0; i < scale.moocLearners; i++) {
      learner(i);
    }
    for (int i = 0; i < 3; i++) {
      unknownCourse();
    }
    brokenLines();
    write();
    landing.ledger.fact("mooc_learners_registered_2025_11", registered.count());
    landing.ledger.fact("vneid_certified_2025_11", certified.count());
    landing.ledger.fact("mooc_statements_voided", voided);
  }

  private void learner(int index) {
    boolean vneid = random.nextInt(10) < 7;
    SyntheticPeople.Person p = fields.people().next(vneid, false);
    Actor actor = vneid ? new Actor(VNEID, p.cccd()) : new Actor(MOOC_HOME, "u" + (1_000_000 + index));
    landing.quirks.quirk(vneid ? "xapi_actor_vneid" : "xapi_actor_platform");
    Course course = random.nextInt(10) < 6 ? certification : courses.get(random.nextInt(courses.size()));
    // The first learners register near month ends, in UTC: 2025-11-30T18:30Z is 1 December local
    // (not a November learner), 2025-10-31T16:45Z is still 31 October local.
    OffsetDateTime t = index < 4
        ? (index % 2 == 0 ? OffsetDateTime.parse("2025-11-30T18:30:00Z") : OffsetDateTime.parse("2025-10-31T16:45:00Z"))
        : DeliveryCalendar.FIRST_DAY.atStartOfDay(LOCAL).toOffsetDateTime()
            .plusMinutes(random.nextInt(60 * 24 * 98));
    if (index < 4) {
      landing.quirks.quirk("xapi_timestamp_crosses_local_month_end");
    }
    WardFields.WardField ward = fields.wards().draw(random);
    TargetGroupFields.LabelField group = fields.groups().draw(random);
    Map<String, Object> context = new LinkedHashMap<>();
    Map<String, Object> ext = new LinkedHashMap<>();
    String prefix = EXTENSION_PREFIXES.get(index % EXTENSION_PREFIXES.size());
    ext.put(prefix + "ward", ward.text());
    ext.put(prefix + "target-group", group.text());
    ext.put(prefix + "birth-year", p.birthDate().getYear());
    context.put("extensions", ext);
    List<QualityFlag> flags = new ArrayList<>();
    if (ward.flag() != null) {
      flags.add(ward.flag());
    }
    if (group.flag() != null) {
      flags.add(group.flag());
    }
    String regId = add(actor, "registered", course.code(), t, null, context, flags);
    if (!regId.isEmpty() && t.toInstant().isBefore(novemberEnd)) {
      registered.add(vneid ? actor.name() : null, null, "national-mooc", actor.name());
    }
    if (index < 4) {
      return;
    }
    t = t.plusMinutes(5 + random.nextInt(600));
    String launched = add(actor, "launched", course.code(), t, null, null, List.of());
    int steps = random.nextInt(4);
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
    String completed = add(actor, "completed", course.code(), t, result(true, null, null), null, List.of());
    boolean passes = random.nextInt(10) < 8;
    t = t.plusMinutes(3 + random.nextInt(120));
    double score = passes ? 0.7 + random.nextInt(30) / 100.0 : 0.2 + random.nextInt(40) / 100.0;
    String outcome = add(actor, passes ? "passed" : "failed", course.code(), t, result(true, passes, score), null, List.of());
    String cancelled = "";
    if (random.nextInt(40) == 0) {
      // The LRS administrator cancels a result recorded by mistake.
      cancelled = voidStatement(random.nextBoolean() ? outcome : completed, t.plusHours(3 + random.nextInt(48)));
    }
    if (passes && course.certification() && !outcome.isEmpty() && !cancelled.equals(outcome)
        && t.toInstant().isBefore(novemberEnd)) {
      certified.add(vneid ? actor.name() : null, null, "national-mooc", actor.name());
    }
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

  private void write() {
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
