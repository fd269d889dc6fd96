package vn.haiphong.bdhvs.generate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Synthetic persons, made from the seed at run time (never committed): Vietnamese names, CCCDs
 * with a real province prefix, mobile numbers. Every CCCD and phone is unique across all sources
 * of one run, so a person key can never join two different people by accident.
 */
final class SyntheticPeople {

  record Person(String fullName, String cccd, String phone, LocalDate birthDate, boolean female) {
    String gender() {
      return female ? "Nữ" : "Nam";
    }
  }

  private static final List<String> FAMILY = List.of("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ",
      "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan", "Đinh", "Mạc", "Lương");
  private static final List<String> MIDDLE_MALE = List.of("Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Xuân");
  private static final List<String> MIDDLE_FEMALE = List.of("Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương");
  private static final List<String> GIVEN_MALE = List.of("An", "Bình", "Dũng", "Hải", "Hòa", "Khoa",
      "Long", "Nam", "Quân", "Tuấn", "Việt", "Tùng", "Toàn", "Thủy", "Hoàng", "Khánh", "Cường");
  private static final List<String> GIVEN_FEMALE = List.of("Chi", "Hà", "Lan", "Mai", "Phương", "Thảo",
      "Trang", "Thủy", "Thúy", "Hòa", "Yến", "Loan", "Xuân", "Ngân", "Hạnh", "Khuê", "Oanh");
  /** Hải Phòng's own CCCD prefix dominates; neighbouring provinces appear too. */
  private static final List<String> PROVINCES = List.of("031", "031", "031", "031", "030", "034", "022");
  /** Today's mobile prefixes; 032–039 are the ones that had an 11-digit 016x form before 2018. */
  private static final List<String> MOBILE_PREFIXES = List.of("090", "091", "093", "094", "096",
      "097", "098", "032", "033", "034", "035", "036", "037", "038", "039", "070", "077", "079",
      "081", "083", "085", "086", "088", "056");

  /** The day ages are counted at: the end of the seed report's month. */
  static final LocalDate AGE_DAY = LocalDate.of(2025, 11, 30);

  private final SplittableRandom random;
  private final List<String> provinces;
  private final List<String> mobilePrefixes;
  private final Set<String> cccds = new HashSet<>();
  private final Set<String> phones = new HashSet<>();

  SyntheticPeople(SplittableRandom random) {
    this(random, PROVINCES, MOBILE_PREFIXES);
  }

  /**
   * A pool of its own: with provinces and prefixes no other pool uses, its CCCDs and phones cannot meet
   * another pool's, though both draw at random.
   */
  SyntheticPeople(SplittableRandom random, List<String> provinces, List<String> mobilePrefixes) {
    this.random = random;
    this.provinces = provinces;
    this.mobilePrefixes = mobilePrefixes;
  }

  /** A person of working or retired age; {@code withCccd}/{@code withPhone} say which identifiers the source knows. */
  Person next(boolean withCccd, boolean withPhone) {
    return born(LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 58)), withCccd, withPhone);
  }

  /**
   * A person aged {@code minAge} to {@code maxAge} on {@link #AGE_DAY}. Under 14 there is no CCCD
   * (the card is issued from 14), whatever the source would know.
   */
  Person nextAged(int minAge, int maxAge, boolean withCccd, boolean withPhone) {
    LocalDate earliest = AGE_DAY.minusYears(maxAge + 1L).plusDays(1);
    LocalDate latest = AGE_DAY.minusYears(minAge);
    LocalDate birth = earliest.plusDays(random.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
    return born(birth, withCccd && !birth.isAfter(AGE_DAY.minusYears(14)), withPhone);
  }

  private Person born(LocalDate birth, boolean withCccd, boolean withPhone) {
    boolean female = random.nextBoolean();
    String name = pick(FAMILY) + " " + pick(female ? MIDDLE_FEMALE : MIDDLE_MALE) + " "
        + pick(female ? GIVEN_FEMALE : GIVEN_MALE);
    return new Person(name, withCccd ? cccd(birth, female) : null, withPhone ? phone() : null, birth, female);
  }

  /** A person whose phone has a pre-2018 11-digit form (prefix 032–039). */
  Person nextWithOldPrefixPhone(boolean withCccd) {
    Person p = next(withCccd, false);
    String phone;
    do {
      phone = "03" + (2 + random.nextInt(8)) + digits(7);
    } while (!phones.add(phone));
    return new Person(p.fullName(), p.cccd(), phone, p.birthDate(), p.female());
  }

  private String cccd(LocalDate birth, boolean female) {
    // Digit 4 encodes century and sex (0/1: 1900s, 2/3: 2000s), digits 5–6 the birth year.
    int centurySex = (birth.getYear() >= 2000 ? 2 : 0) + (female ? 1 : 0);
    String prefix = pick(provinces) + centurySex + String.format("%02d", birth.getYear() % 100);
    String cccd;
    do {
      cccd = prefix + digits(6);
    } while (!cccds.add(cccd));
    return cccd;
  }

  private String phone() {
    String phone;
    do {
      phone = pick(mobilePrefixes) + digits(7);
    } while (!phones.add(phone));
    return phone;
  }

  /** The old 9-digit identity card's number: 0 and the province's two digits, then six. */
  String cmnd() {
    return "0" + pick(provinces).substring(1) + digits(6);
  }

  private String digits(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + random.nextInt(10)));
    }
    return b.toString();
  }

  private String pick(List<String> list) {
    return list.get(random.nextInt(list.size()));
  }
}
