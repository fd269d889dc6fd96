package vn.haiphong.bdhvs.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.identity.PhoneNumbers;

/**
 * contest/&lt;day&gt;/registrations.csv: exactly {@link Scale#contestRegistrants} persons registered
 * while the contest runs (07/10–30/11/2025, local time), plus rows that must not add persons
 * (second registrations under the same CCCD or the same phone typed differently) and a few
 * rejected rows. Nothing is registered outside the contest's days.
 */
final class ContestRegistrations {

  static final String TABLE = "contest_registrations";
  private static final LocalDateTime CONTEST_ENDS = DeliveryCalendar.CONTEST_ENDS;
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
  private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private enum Identity { CCCD_AND_PHONE, CCCD_ONLY, CCCD_LOST_LEADING_ZERO, PHONE_ONLY, NEITHER }

  /** A person the contest counted, registered with the full CCCD and a phone: one the linkage can follow elsewhere. */
  record Registrant(SyntheticPeople.Person person, WardFields.WardField ward, TargetGroupFields.LabelField group) {}

  /** One registration row; {@code reject} is null for rows the ingest keeps. */
  private record Registration(String candidateId, SyntheticPeople.Person person, String cccdText,
      String phoneText, WardFields.WardField ward, TargetGroupFields.LabelField group,
      String organisation, String registeredAt, LocalDateTime at, LocalDate folder, RejectReason reject) {
  }

  private final LandingFolder landing;
  private final SplittableRandom random;
  private final PersonFields fields;
  private final Scale scale;
  private final WeightedChoice<Identity> identities = new WeightedChoice<Identity>()
      .add(Identity.CCCD_AND_PHONE, 62).add(Identity.CCCD_ONLY, 8).add(Identity.CCCD_LOST_LEADING_ZERO, 4)
      .add(Identity.PHONE_ONLY, 22).add(Identity.NEITHER, 4);
  private final WeightedChoice<PhoneFormat> phoneFormats = PhoneFormats.mix();
  private final int contestDays = DeliveryCalendar.contestDays().size();
  private int nextCandidate = 1;
  private int wrongFieldRows;
  /** Registrations that count, for submissions. */
  private final List<String> countedCandidates = new ArrayList<>();
  private final List<LocalDateTime> countedTimes = new ArrayList<>();
  private final List<Registrant> withCccdAndPhone = new ArrayList<>();

  ContestRegistrations(LandingFolder landing, SplittableRandom random, PersonFields fields, Scale scale) {
    this.landing = landing;
    this.random = random;
    this.fields = fields;
    this.scale = scale;
  }

  void generate() {
    List<Registration> rows = new ArrayList<>();
    List<Registration> counted = new ArrayList<>();
    for (int i = 0; i < scale.contestRegistrants; i++) {
      // The last three registered minutes before the contest closes arrive in the next day's delivery.
      boolean lateDelivered = i >= scale.contestRegistrants - 3;
      LocalDateTime at = lateDelivered
          ? CONTEST_ENDS.minusMinutes(1 + i % 5).withSecond(0)
          : contestTime();
      Registration r = fresh(at, lateDelivered ? at.toLocalDate().plusDays(1) : at.toLocalDate(), null);
      counted.add(r);
      if (r.person().cccd() != null && r.person().cccd().equals(r.cccdText()) && r.person().phone() != null
          && PhoneNumbers.normalize(r.phoneText()).isPresent()) {
        withCccdAndPhone.add(new Registrant(r.person(), r.ward(), r.group()));
      }
      countedCandidates.add(r.candidateId());
      countedTimes.add(at);
    }
    landing.quirks.quirk("registration_delivered_next_day", 3);
    rows.addAll(counted);
    rows.addAll(secondRegistrations(counted));
    rows.addAll(rejectedRows());
    write(rows);
    if (rows.stream().anyMatch(r -> r.at().isBefore(DeliveryCalendar.CONTEST_OPENS.atStartOfDay()) || r.at().isAfter(CONTEST_ENDS))) {
      throw new IllegalStateException("a registration outside the contest's days");
    }
    DistinctPersons october = new DistinctPersons();
    DistinctPersons persons = new DistinctPersons();
    for (Registration r : rows) {
      if (r.reject() == null) {
        persons.add(r.cccdText(), r.phoneText(), "contest", r.candidateId());
        if (r.at().getMonthValue() == 10) {
          october.add(r.cccdText(), r.phoneText(), "contest", r.candidateId());
        }
      }
    }
    if (persons.count() != scale.contestRegistrants) {
      throw new IllegalStateException("contest registrants by person key: " + persons + ", planned " + scale.contestRegistrants);
    }
    landing.ledger.fact("contest_opens", DeliveryCalendar.CONTEST_OPENS.toString());
    landing.ledger.fact("contest_closes", DeliveryCalendar.CONTEST_CLOSES.toString());
    landing.ledger.fact("contest_registrants_2025_10", october.count());
    landing.ledger.fact("contest_registrants_2025_11", persons.count());
    landing.ledger.fact("contest_registration_rows", rows.size());
  }

  /** {@code n} of the counted persons registered with their full CCCD and a readable phone, drawn with {@code random}. */
  List<Registrant> registrantsWithCccdAndPhone(int n, SplittableRandom random) {
    List<Registrant> pool = new ArrayList<>(withCccdAndPhone);
    List<Registrant> drawn = new ArrayList<>();
    while (drawn.size() < n && !pool.isEmpty()) {
      drawn.add(pool.remove(random.nextInt(pool.size())));
    }
    return drawn;
  }

  List<String> countedCandidates() {
    return countedCandidates;
  }

  List<LocalDateTime> countedTimes() {
    return countedTimes;
  }

  /** A time on one of the contest's days: more registrations in the first weeks, fewer later. */
  private LocalDateTime contestTime() {
    int day = Math.min(contestDays - 1, (int) (contestDays * Math.pow(random.nextDouble(), 1.3)));
    return DeliveryCalendar.CONTEST_OPENS.plusDays(day)
        .atTime(6 + random.nextInt(17), random.nextInt(60), random.nextInt(60));
  }

  private Registration fresh(LocalDateTime at, LocalDate folder, RejectReason reject) {
    TargetGroupFields.LabelField group = fields.groups().draw(random);
    Identity identity = identities.draw(random);
    boolean cccd = identity != Identity.PHONE_ONLY && identity != Identity.NEITHER;
    boolean phone = identity == Identity.CCCD_AND_PHONE || identity == Identity.CCCD_LOST_LEADING_ZERO
        || identity == Identity.PHONE_ONLY;
    SyntheticPeople.Person p = fields.personOf(group, cccd, phone);
    if (cccd && p.cccd() == null) {
      // A pupil too young for a CCCD: known by the phone, or by nothing.
      identity = phone ? Identity.PHONE_ONLY : Identity.NEITHER;
    }
    landing.quirks.quirk("identity_" + identity.name().toLowerCase(java.util.Locale.ROOT));
    String cccdText = p.cccd() == null ? null : identity == Identity.CCCD_LOST_LEADING_ZERO ? p.cccd().substring(1) : p.cccd();
    return new Registration(candidateId(), p, cccdText, PhoneFormats.write(p.phone(), phoneFormats, random, landing.quirks),
        fields.wards().draw(random), group, Organisations.draw(random, landing.quirks),
        timestamp(at), at, folder, reject);
  }

  private String candidateId() {
    return String.format("TS%07d", nextCandidate++);
  }

  private String timestamp(LocalDateTime at) {
    return (random.nextInt(3) == 0 ? SECONDS : MINUTES).format(at);
  }

  /** Second registrations that must not add persons: same CCCD, or same phone in another spelling. */
  private List<Registration> secondRegistrations(List<Registration> counted) {
    List<Registration> out = new ArrayList<>();
    int wanted = Math.max(8, counted.size() / 80);
    int sameCccd = 0;
    int samePhone = 0;
    while (out.size() < wanted) {
      Registration first = counted.get(random.nextInt(counted.size() - 3));
      LocalDateTime at = first.at().plusHours(1 + random.nextInt(24 * 8));
      if (at.isAfter(CONTEST_ENDS)) {
        continue;
      }
      String basis = DistinctPersons.basis(first.cccdText(), first.phoneText(), "contest", first.candidateId());
      Registration second;
      if (basis.equals("cccd")) {
        // Re-typed CCCD in full, phone typed again in whatever format.
        String phone = first.person().phone() == null ? "" : PhoneFormats.write(first.person().phone(), phoneFormats, random, landing.quirks);
        second = copy(first, first.person().cccd(), phone, at);
        sameCccd++;
      } else if (basis.equals("phone")) {
        String phone = first.person().phone();
        PhoneFormat other = PhoneFormat.hasPre2018Form(phone) ? PhoneFormat.PRE_2018 : PhoneFormat.INTERNATIONAL;
        if (other.format(phone).equals(first.phoneText())) {
          other = PhoneFormat.SPACED;
        }
        landing.quirks.quirk(other.quirkName());
        second = copy(first, "", other.format(phone), at);
        samePhone++;
      } else {
        continue;
      }
      if (!DistinctPersons.key(first.cccdText(), first.phoneText(), "contest", first.candidateId())
          .equals(DistinctPersons.key(second.cccdText(), second.phoneText(), "contest", second.candidateId()))) {
        throw new IllegalStateException("a second registration would add a person: " + second.candidateId());
      }
      out.add(second);
    }
    landing.quirks.quirk("duplicate_registration_same_cccd", sameCccd);
    landing.quirks.quirk("duplicate_registration_same_phone_other_format", samePhone);
    return out;
  }

  private Registration copy(Registration first, String cccdText, String phoneText, LocalDateTime at) {
    return new Registration(candidateId(), first.person(), cccdText, phoneText, fields.wards().draw(random),
        fields.groups().draw(random), Organisations.draw(random, landing.quirks), timestamp(at), at, at.toLocalDate(), null);
  }

  /** Rows of fresh persons that the ingest must reject, one defect each. */
  private List<Registration> rejectedRows() {
    List<Registration> out = new ArrayList<>();
    String[] badTimes = {"31/02/2025 08:15", "hôm qua lúc 9h"};
    for (int i = 0; i < 7; i++) {
      LocalDateTime at = DeliveryCalendar.CONTEST_OPENS.plusDays(3 + 4 * i).atTime(10, 0);
      RejectReason reason = switch (i) {
        case 0, 1 -> RejectReason.WRONG_FIELD_COUNT;
        case 2, 3 -> RejectReason.MISSING_REQUIRED;
        case 4, 5 -> RejectReason.BAD_DATE;
        default -> RejectReason.FIELD_TOO_LONG;
      };
      Registration r = fresh(at, at.toLocalDate(), reason);
      String id = reason == RejectReason.MISSING_REQUIRED ? "" : r.candidateId();
      String time = reason == RejectReason.BAD_DATE ? badTimes[i - 4] : r.registeredAt();
      String organisation = reason == RejectReason.FIELD_TOO_LONG ? Organisations.oversized() : r.organisation();
      out.add(new Registration(id, r.person(), r.cccdText(), r.phoneText(), r.ward(), r.group(),
          organisation, time, at, r.folder(), reason));
      landing.quirks.quirk(switch (i) {
        case 0, 1 -> "registration_wrong_field_count";
        case 2, 3 -> "registration_empty_candidate_id";
        case 4 -> "registration_impossible_date";
        case 5 -> "registration_garbage_timestamp";
        default -> "field_over_4096_chars";
      });
    }
    return out;
  }

  private void write(List<Registration> rows) {
    TreeMap<LocalDate, List<Registration>> byFolder = new TreeMap<>();
    for (Registration r : rows) {
      byFolder.computeIfAbsent(r.folder(), d -> new ArrayList<>()).add(r);
    }
    for (var day : byFolder.entrySet()) {
      List<Registration> list = day.getValue();
      list.sort(Comparator.comparing(Registration::at).thenComparing(Registration::candidateId));
      LandingFolder.CsvFile file = landing.csv(TABLE, "contest/" + day.getKey() + "/registrations.csv");
      for (Registration r : list) {
        List<String> values = new Contracts.Row(TABLE)
            .set("candidate_id", r.candidateId())
            .set("full_name", landing.quirks.spelling(r.person().fullName(), random))
            .set("birth_date", random.nextInt(15) == 0 ? "" : DATE.format(r.person().birthDate()))
            .set("gender", random.nextInt(20) == 0 ? "" : r.person().gender())
            .set("phone", r.phoneText())
            .set("cccd", r.cccdText() == null ? "" : r.cccdText())
            .set("ward", r.ward().text())
            .set("target_group", r.group().text())
            .set("organisation", r.organisation())
            .set("registered_at", r.registeredAt())
            .values();
        if (r.reject() == RejectReason.WRONG_FIELD_COUNT) {
          file.rowWithWrongFieldCount(values, wrongFieldRows++ == 0 ? -4 : 2);
        } else if (r.reject() != null) {
          file.rejectedRow(values, r.reject());
        } else {
          file.row(values);
          Flags.record(file.entry, r.ward(), r.group());
        }
      }
      file.close();
    }
  }
}
