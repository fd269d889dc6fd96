package vn.haiphong.bdhvs.generate;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.linkage.PersonLinkage;
import vn.haiphong.bdhvs.reference.Course;
import vn.haiphong.bdhvs.reference.CourseCatalog;

/**
 * course/city-lms/&lt;day&gt;/enrolments.csv: FULL snapshots of the city platform. Every enrolment
 * still present is repeated with its progress at that day (Chưa bắt đầu → Đang học → Hoàn thành).
 * The four big classes hold exactly {@link Scale#bigClassLearners} persons in the 2025-11-30
 * snapshot; December enrolments, withdrawn enrolments, unknown class codes and rejected rows are
 * around them and must not change those counts.
 */
final class LmsSnapshots {

  static final String TABLE = "lms_enrolments";
  private static final DateTimeFormatter DATE = ContestRegistrations.DATE;
  /** Class codes that are not in the catalog: kept, flagged course_unknown. */
  private static final List<String> UNKNOWN_CLASSES = List.of("HP-KNS-99", "HP-THU-00");
  /** An audience option: a learner of any group, labelled as {@link TargetGroupFields#draw} does. */
  private static final String ANY_GROUP = "";
  private static final LocalDate NOVEMBER_SNAPSHOT = DeliveryCalendar.REPORT_MONTH.atEndOfMonth();

  /**
   * The per-learner columns, fixed once: they are the same in every snapshot, but for a CCCD given from
   * {@code cccdFrom} on (empty before; null: always). {@code truePerson} names the person behind the
   * account: its own id, or the first account's for a person with two.
   */
  private record Learner(String id, SyntheticPeople.Person person, String cccd, String cmnd, String phone,
      String birthDate, String gender, WardFields.WardField ward, TargetGroupFields.LabelField group,
      LocalDate cccdFrom, String truePerson) {

    String cccdOn(LocalDate day) {
      return cccdFrom != null && day.isBefore(cccdFrom) ? "" : cccd;
    }
  }

  /** One learner in one class; progress grows {@code tenthsPerDay} after {@code delay} days, up to {@code cap}. */
  private record Enrolment(Learner learner, String classCode, String classTitle, LocalDate enrolled,
      int delay, int tenthsPerDay, int cap, int progressStyle, LocalDate withdrawn, RejectReason reject) {
  }

  private final LandingFolder landing;
  private final SplittableRandom random;
  private final PersonFields fields;
  private final Scale scale;
  private final List<Course> classes;
  private final List<Learner> learners = new ArrayList<>();
  private final List<Enrolment> enrolments = new ArrayList<>();
  private final WeightedChoice<PhoneFormat> phoneFormats = PhoneFormats.mix();

  private final SplittableRandom linkage;

  /** {@code linkage} draws the persons only the linkage joins, so that the other learners stay as they were. */
  LmsSnapshots(LandingFolder landing, SplittableRandom random, SplittableRandom linkage, PersonFields fields,
      Scale scale, CourseCatalog catalog) {
    this.landing = landing;
    this.random = random;
    this.linkage = linkage;
    this.fields = fields;
    this.scale = scale;
    this.classes = catalog.onPlatform(Course.CITY_LMS);
  }

  /** Writes every snapshot of the enrolments planned ({@link #plan} and {@link #enrolFromContest}). */
  void write() {
    java.util.Set<String> persons = new java.util.HashSet<>();
    for (LocalDate day : DeliveryCalendar.lmsSnapshotDays()) {
      snapshot(day, persons);
    }
    // Every person a snapshot shows, as they are: the learners the linkage must count.
    landing.ledger.fact("lms_learner_persons", persons.size());
    landing.quirks.quirk("lms_snapshots", DeliveryCalendar.lmsSnapshotDays().size());
  }

  /** Plans every enrolment; nothing is written before {@link #write}. */
  void plan() {
    for (int c = 0; c < classes.size(); c++) {
      Course course = classes.get(c);
      int size = c < 4 ? scale.bigClassLearners.get(c) : scale.otherClassLearners;
      List<Learner> members = new ArrayList<>();
      // About one in ten also follows an earlier class: learners in two classes.
      int shared = c == 0 ? 0 : Math.min(size / 10, learners.size());
      java.util.Set<String> taken = new java.util.HashSet<>();
      for (int i = 0; i < shared; i++) {
        Learner l = learners.get(random.nextInt(learners.size()));
        if (taken.add(l.id())) {
          members.add(l);
        }
      }
      if (shared > 0) {
        landing.quirks.quirk("lms_learner_in_two_classes", members.size());
      }
      WeightedChoice<String> audience = audience(course);
      while (members.size() < size) {
        members.add(newLearner(audience.draw(random)));
      }
      for (Learner l : members) {
        enrol(l, course.code(), course.title(), between(DeliveryCalendar.FIRST_DAY, NOVEMBER_SNAPSHOT), null, null);
      }
      if (c < 4) {
        // Around the counted ones: December newcomers, and enrolments withdrawn before 30/11.
        for (int i = 0; i < Math.max(2, size / 50); i++) {
          enrol(newLearner(audience.draw(random)), course.code(), course.title(), between(NOVEMBER_SNAPSHOT.plusDays(1), DeliveryCalendar.LAST_DELIVERY), null, null);
          landing.quirks.quirk("lms_enrolled_in_december");
        }
        for (int i = 0; i < Math.max(2, size / 200); i++) {
          LocalDate enrolled = between(DeliveryCalendar.FIRST_DAY, LocalDate.of(2025, 10, 20));
          enrol(newLearner(audience.draw(random)), course.code(), course.title(), enrolled, between(enrolled.plusDays(10), LocalDate.of(2025, 11, 25)), null);
          landing.quirks.quirk("lms_enrolment_withdrawn");
        }
      }
    }
    for (int i = 0; i < Math.max(3, scale.bigClassLearners.get(0) / 500); i++) {
      String code = UNKNOWN_CLASSES.get(i % UNKNOWN_CLASSES.size());
      enrol(newLearner(ANY_GROUP), code, "Lớp thử nghiệm " + code, between(DeliveryCalendar.FIRST_DAY, NOVEMBER_SNAPSHOT), null, null);
      landing.quirks.quirk("lms_unknown_class_code");
    }
    // Rejected rows (fresh learners in big classes) in the 30/11 snapshot and one in mid-October.
    RejectReason[] rejects = {RejectReason.MISSING_REQUIRED, RejectReason.BAD_DATE, RejectReason.WRONG_FIELD_COUNT,
        RejectReason.FIELD_TOO_LONG};
    for (int i = 0; i < rejects.length; i++) {
      Course course = classes.get(i % 4);
      enrol(newLearner(ANY_GROUP), course.code(), course.title(), LocalDate.of(2025, 10, 1), null, rejects[i]);
    }
    plantLinkage();
  }

  /**
   * Who enrols in a class: mostly the group it is meant for (docs/specification.md §3.3), some
   * others ({@link #ANY_GROUP}). A class for no single group (Lớp 2, residents and businesses) draws
   * residents and enterprise workers; Lớp 4 (officials and community technology teams) both groups.
   */
  private static WeightedChoice<String> audience(Course course) {
    String group = course.targetGroup();
    if (group == null) {
      return new WeightedChoice<String>().add("resident", 60).add("enterprise_worker", 30).add(ANY_GROUP, 10);
    }
    if (group.equals("community_tech_team")) {
      return new WeightedChoice<String>().add(group, 55).add("public_sector", 35).add(ANY_GROUP, 10);
    }
    return new WeightedChoice<String>().add(group, 85).add(ANY_GROUP, 15);
  }

  private Learner newLearner(String group) {
    int n = learners.size() + 1;
    int identity = random.nextInt(100);
    boolean cccd = identity < 75;
    boolean phone = identity >= 20 && identity < 97;
    TargetGroupFields.LabelField label = group.equals(ANY_GROUP) ? fields.groups().draw(random) : fields.groups().drawFor(group, random);
    SyntheticPeople.Person p = fields.personOf(label, cccd, phone);
    String cccdText = p.cccd() == null ? "" : random.nextInt(25) == 0 ? lostLeadingZero(p.cccd()) : p.cccd();
    String id = String.format("HV%06d", n);
    Learner l = new Learner(id, p, cccdText, "",
        PhoneFormats.write(p.phone(), phoneFormats, random, landing.quirks),
        random.nextInt(6) == 0 ? "" : DATE.format(p.birthDate()),
        random.nextInt(25) == 0 ? "" : p.gender(), fields.wards().draw(random), label, null, id);
    if (cccdText.isEmpty()) {
      landing.quirks.quirk("cccd_empty");
    }
    learners.add(l);
    return l;
  }

  /** Learners registered twice, families and old cards planted, each kind; and one village phone. */
  static final int TWICE = 4;
  static final int FAMILIES = 3;
  static final int OLD_CARDS = 3;

  /**
   * Persons whose records only the linkage joins or keeps apart (docs/specification.md §4.1), enrolled in
   * December so the seed month's figures stay as planned, from a pool and a stream of their own:
   * <ul>
   *   <li>registered twice: an account with the CCCD, a second with the phone alone that gives the CCCD in
   *       the last snapshot — two persons until that night, then one (a merge);</li>
   *   <li>a family's phone: a parent and a child with their own CCCDs and the parent's phone (never merged);</li>
   *   <li>a village's phone: an officer enrols more elderly learners than the linkage's limit with her phone;</li>
   *   <li>an old card: an account with CCCD and CMND, a second account with the CMND alone.</li>
   * </ul>
   */
  private void plantLinkage() {
    SplittableRandom r = linkage;
    SyntheticPeople people = new SyntheticPeople(r, List.of("036"), List.of("089"));
    Course course = classes.get(1);
    List<LocalDate> snapshots = DeliveryCalendar.lmsSnapshotDays();
    LocalDate lastSnapshot = snapshots.get(snapshots.size() - 1);
    LocalDate december = NOVEMBER_SNAPSHOT.plusDays(1);
    for (int i = 0; i < TWICE; i++) {
      SyntheticPeople.Person p = people.next(true, true);
      Learner first = planted(p, p.cccd(), "", "", null, null, r);
      Learner second = planted(p, p.cccd(), "", p.phone(), lastSnapshot, first.id(), r);
      enrol(first, course.code(), course.title(), december, null, null);
      enrol(second, course.code(), course.title(), december.plusDays(2), null, null);
    }
    for (int i = 0; i < FAMILIES; i++) {
      SyntheticPeople.Person parent = people.next(true, true);
      SyntheticPeople.Person child = people.nextAged(15, 17, true, false);
      enrol(planted(parent, parent.cccd(), "", parent.phone(), null, null, r), course.code(), course.title(), december, null, null);
      enrol(planted(child, child.cccd(), "", parent.phone(), null, null, r), course.code(), course.title(), december, null, null);
    }
    SyntheticPeople.Person officer = people.next(false, true);
    for (int i = 0; i <= PersonLinkage.Rules.DEFAULTS.maxAccounts(); i++) {
      SyntheticPeople.Person elder = people.nextAged(60, 80, false, false);
      enrol(planted(elder, "", "", officer.phone(), null, null, r), course.code(), course.title(), december, null, null);
    }
    for (int i = 0; i < OLD_CARDS; i++) {
      SyntheticPeople.Person p = people.next(true, false);
      String cmnd = people.cmnd();
      Learner first = planted(p, p.cccd(), cmnd, "", null, null, r);
      enrol(first, course.code(), course.title(), december, null, null);
      enrol(planted(p, "", cmnd, "", null, first.id(), r), course.code(), course.title(), december.plusDays(1), null, null);
    }
    landing.ledger.fact("linkage_accounts_joined", TWICE + OLD_CARDS);
    landing.ledger.fact("linkage_merges_on_the_last_night", TWICE);
    landing.ledger.fact("linkage_family_phones", FAMILIES);
    landing.ledger.fact("linkage_village_phones", 1);
  }

  /**
   * Contest registrants (CCCD and phone) who enrol on the city LMS in December with the phone alone, in
   * another spelling: one person in two sources that only their shared phone joins (docs/specification.md §4.1).
   */
  void enrolFromContest(List<ContestRegistrations.Registrant> registrants) {
    SplittableRandom r = linkage;
    Course course = classes.get(2);
    for (ContestRegistrations.Registrant c : registrants) {
      SyntheticPeople.Person p = c.person();
      String id = String.format("HV%06d", learners.size() + 1);
      Learner l = new Learner(id, p, "", "", PhoneFormat.INTERNATIONAL.format(p.phone()), DATE.format(p.birthDate()),
          p.gender(), c.ward(), c.group(), null, id);
      learners.add(l);
      enrolments.add(new Enrolment(l, course.code(), course.title(), NOVEMBER_SNAPSHOT.plusDays(1 + r.nextInt(5)),
          r.nextInt(6), 5 + r.nextInt(60), 1000, r.nextInt(3), null, null));
      landing.quirks.quirk("linkage_contest_registrant_on_the_lms");
    }
  }

  private Learner planted(SyntheticPeople.Person p, String cccd, String cmnd, String phone, LocalDate cccdFrom,
      String sameAs, SplittableRandom r) {
    String id = String.format("HV%06d", learners.size() + 1);
    Learner l = new Learner(id, p, cccd, cmnd, phone, DATE.format(p.birthDate()), p.gender(), fields.wards().draw(r),
        fields.groups().drawFor("resident", r), cccdFrom, sameAs == null ? id : sameAs);
    learners.add(l);
    return l;
  }

  private String lostLeadingZero(String cccd) {
    landing.quirks.quirk("cccd_lost_leading_zero");
    return cccd.substring(1);
  }

  private void enrol(Learner l, String code, String title, LocalDate enrolled, LocalDate withdrawn, RejectReason reject) {
    enrolments.add(new Enrolment(l, code, title, enrolled, random.nextInt(6), 5 + random.nextInt(60),
        random.nextInt(4) == 0 ? 100 + random.nextInt(900) : 1000, random.nextInt(3), withdrawn, reject));
  }

  private LocalDate between(LocalDate from, LocalDate to) {
    return from.plusDays(random.nextLong(ChronoUnit.DAYS.between(from, to) + 1));
  }

  private void snapshot(LocalDate day, java.util.Set<String> shown) {
    LandingFolder.CsvFile file = landing.csv(TABLE, "course/city-lms/" + day + "/enrolments.csv");
    DistinctPersons[] persons = {new DistinctPersons(), new DistinctPersons(), new DistinctPersons(), new DistinctPersons()};
    for (Enrolment e : enrolments) {
      if (e.enrolled().isAfter(day) || (e.withdrawn() != null && !day.isBefore(e.withdrawn()))) {
        continue;
      }
      if (e.reject() != null) {
        boolean here = e.reject() == RejectReason.FIELD_TOO_LONG ? day.equals(LocalDate.of(2025, 10, 15)) : day.equals(NOVEMBER_SNAPSHOT);
        if (here) {
          rejected(file, e);
        }
        continue;
      }
      file.row(values(e, day, e.learner().id(), DATE.format(e.enrolled()), e.learner().person().fullName()));
      shown.add(e.learner().truePerson());
      Flags.record(file.entry, e.learner().ward(), e.learner().group());
      if (UNKNOWN_CLASSES.contains(e.classCode())) {
        file.entry.flag(QualityFlag.COURSE_UNKNOWN);
      }
      int big = bigClassIndex(e.classCode());
      if (day.equals(NOVEMBER_SNAPSHOT) && big >= 0) {
        persons[big].add(e.learner().cccd(), e.learner().phone(), "city-lms", e.learner().id());
      }
    }
    file.close();
    if (day.equals(NOVEMBER_SNAPSHOT)) {
      for (int c = 0; c < 4; c++) {
        if (persons[c].count() != scale.bigClassLearners.get(c)) {
          throw new IllegalStateException(classes.get(c).code() + ": " + persons[c] + " persons, planned " + scale.bigClassLearners.get(c));
        }
        landing.ledger.fact("lms_class_learners_2025_11_" + classes.get(c).code(), persons[c].count());
      }
      landing.ledger.fact("lms_snapshot_2025_11", "course/city-lms/" + day + "/enrolments.csv");
    }
  }

  private int bigClassIndex(String code) {
    for (int c = 0; c < 4; c++) {
      if (classes.get(c).code().equals(code)) {
        return c;
      }
    }
    return -1;
  }

  private void rejected(LandingFolder.CsvFile file, Enrolment e) {
    switch (e.reject()) {
      case MISSING_REQUIRED -> file.rejectedRow(values(e, NOVEMBER_SNAPSHOT, "", DATE.format(e.enrolled()), e.learner().person().fullName()), e.reject());
      case BAD_DATE -> file.rejectedRow(values(e, NOVEMBER_SNAPSHOT, e.learner().id(), "31/02/2025", e.learner().person().fullName()), e.reject());
      case WRONG_FIELD_COUNT -> file.rowWithWrongFieldCount(values(e, NOVEMBER_SNAPSHOT, e.learner().id(), DATE.format(e.enrolled()), e.learner().person().fullName()), -3);
      default -> file.rejectedRow(values(e, LocalDate.of(2025, 10, 15), e.learner().id(), DATE.format(e.enrolled()), "Nguyễn Văn A ".repeat(400)), e.reject());
    }
    landing.quirks.quirk("lms_rejected_" + e.reject().code());
  }

  private List<String> values(Enrolment e, LocalDate day, String learnerId, String enrolled, String name) {
    Learner l = e.learner();
    long days = ChronoUnit.DAYS.between(e.enrolled(), day) - e.delay();
    int tenths = (int) Math.max(0, Math.min(e.cap(), days * e.tenthsPerDay()));
    String status = tenths == 0 ? "Chưa bắt đầu" : tenths >= 1000 ? "Hoàn thành" : "Đang học";
    String completed = "";
    if (tenths >= 1000) {
      long toFinish = (1000 + e.tenthsPerDay() - 1) / e.tenthsPerDay();
      completed = DATE.format(e.enrolled().plusDays(e.delay() + toFinish));
    }
    String progress = switch (e.progressStyle()) {
      case 0 -> Integer.toString(tenths / 10);
      case 1 -> (tenths / 10) + "%";
      default -> (tenths / 10) + (tenths % 10 == 0 ? "" : "," + tenths % 10);
    };
    return new Contracts.Row(TABLE)
        .set("learner_id", learnerId)
        .set("full_name", name)
        .set("cccd", l.cccdOn(day))
        .set("cmnd", l.cmnd())
        .set("phone", l.phone())
        .set("birth_date", l.birthDate())
        .set("gender", l.gender())
        .set("ward", l.ward().text())
        .set("target_group", l.group().text())
        .set("class_code", e.classCode())
        .set("class_title", e.classTitle())
        .set("enrolled_on", enrolled)
        .set("progress_pct", progress)
        .set("completed_on", completed)
        .set("status", status)
        .values();
  }
}
