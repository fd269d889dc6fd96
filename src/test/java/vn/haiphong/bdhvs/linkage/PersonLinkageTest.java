package vn.haiphong.bdhvs.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.identity.PersonKeys;

/** Each rule of the person linkage on a few records, with real keyed hashes (identifiers are made up). */
@org.junit.jupiter.api.TestInstance(org.junit.jupiter.api.TestInstance.Lifecycle.PER_CLASS)
class PersonLinkageTest extends SharedSpark {
  private static final PersonKeys KEYS = new PersonKeys("linkage-test".getBytes(StandardCharsets.UTF_8));
  private static final StructType RECORDS = new StructType().add("account_hash", "string").add("cccd_hash", "string")
      .add("cmnd_hash", "string").add("phone_hash", "string").add("seen_on", "date");

  /**
   * The records a night links: every record staged so far (a night reads the whole staged tables). One scenario
   * per made-up identifiers; scenarios share a night and never an identifier.
   */
  private static final class Night {
    private final List<Row> rows = new ArrayList<>();

    /** The next night: these records and those delivered since. */
    Night next() {
      Night n = new Night();
      n.rows.addAll(rows);
      return n;
    }

    Night record(String platform, String account, String cccd, String cmnd, String phone, String day) {
      rows.add(RowFactory.create(account(platform, account), KEYS.cccdHash(cccd), KEYS.cmndHash(cmnd),
          KEYS.phoneHash(phone), Date.valueOf(day)));
      return this;
    }
  }

  /** What a night gave, its links read once. */
  private record Linked(PersonLinkage.Outcome outcome, Map<String, Row> links) {
    String keyOf(String hash) {
      return links.get(hash).getAs("person_key");
    }

    String ambiguity(String hash) {
      return links.get(hash).getAs("ambiguous_because");
    }

    List<List<Object>> merges() {
      return outcome.merges().collectAsList().stream()
          .map(r -> List.<Object>of(r.getAs("old_key"), r.getAs("new_key"), r.getAs("reason"))).toList();
    }
  }

  /** A made-up CCCD (Hà Nội's prefix, born in 19{@code year}), built at run time as fixtures are. */
  private static String cccd(int year, int serial) {
    return "0010" + year + String.format("%06d", serial);
  }

  private static String account(String platform, String id) {
    return KEYS.pseudonym(platform, id);
  }

  private Linked link(Night night, Dataset<Row> previous) {
    return link(spark(), night, previous);
  }

  private static Linked link(SparkSession spark, Night night, Dataset<Row> previous) {
    PersonLinkage.Outcome o = PersonLinkage.link(spark.createDataFrame(night.rows, RECORDS), previous,
        PersonLinkage.Rules.DEFAULTS, "run-test");
    return new Linked(o, o.links().collectAsList().stream()
        .collect(Collectors.toMap(r -> r.getAs("identifier_hash"), r -> r)));
  }

  private Dataset<Row> noLinks() {
    return noLinks(spark());
  }

  private static Dataset<Row> noLinks(SparkSession spark) {
    return spark.createDataFrame(List.of(), TableContract.load("staged", "person_links").sparkSchema());
  }

  private Linked oneNight;

  /** The rules that one night shows, each scenario on identifiers of its own. */
  private Linked oneNight() {
    if (oneNight == null) {
      Night n = new Night()
          // a phone shared by two sources
          .record("contest", "c1", cccd(85, 1), null, "0912000001", "2025-10-01")
          .record("city-lms", "l1", null, null, "+84 912 000 001", "2025-10-05")
          // a family's phone: two CCCDs and a learner who gave only the phone
          .record("contest", "c2", cccd(85, 2), null, "0912000002", "2025-10-01")
          .record("contest", "c3", cccd(90, 3), null, "0912000002", "2025-10-02")
          .record("city-lms", "l2", null, null, "0912000002", "2025-10-03")
          // a CMND beside its CCCD on one record, alone on another; a CMND never paired
          .record("city-lms", "l3", cccd(85, 4), "031000004", null, "2025-10-01")
          .record("contest", "c4", null, "031000004", null, "2025-10-02")
          .record("contest", "c5", null, "039000005", null, "2025-10-03")
          // c6 gives a CCCD and a phone; learner l6 once gave that phone, later another CCCD
          .record("contest", "c6", cccd(85, 6), null, "0912000006", "2025-10-01")
          .record("city-lms", "l6", null, null, "0912000006", "2025-10-02")
          .record("city-lms", "l6", cccd(90, 7), null, null, "2025-10-09");
      // an officer's phone used to register a village
      for (int i = 0; i <= PersonLinkage.Rules.DEFAULTS.maxAccounts(); i++) {
        n.record("contest", "village-" + i, null, null, "0912000008", "2025-10-01");
      }
      oneNight = link(n, noLinks());
    }
    return oneNight;
  }

  @Test
  void aPhoneSharedByTwoSources_isOnePerson_keyedByTheCccd() {
    Linked o = oneNight();
    assertEquals(KEYS.cccdHash(cccd(85, 1)), o.keyOf(account("city-lms", "l1")));
    assertEquals(KEYS.cccdHash(cccd(85, 1)), o.keyOf(KEYS.phoneHash("0912000001")));
    assertEquals(KEYS.cccdHash(cccd(85, 1)), o.keyOf(account("contest", "c1")));
  }

  @Test
  void twoCccdsNeverMerge_theirSharedPhoneIsAmbiguous() {
    Linked o = oneNight();
    assertNull(o.keyOf(KEYS.phoneHash("0912000002")));
    assertEquals(PersonLinkage.SEVERAL_CCCD, o.ambiguity(KEYS.phoneHash("0912000002")));
    assertEquals(KEYS.cccdHash(cccd(85, 2)), o.keyOf(account("contest", "c2")));
    assertEquals(KEYS.cccdHash(cccd(90, 3)), o.keyOf(account("contest", "c3")));
    assertEquals(account("city-lms", "l2"), o.keyOf(account("city-lms", "l2")), "the phone-only learner stands alone");
  }

  @Test
  void aPhoneSeenWithMoreAccountsThanTheRule_linksNothing() {
    Linked o = oneNight();
    assertEquals(PersonLinkage.TOO_MANY_ACCOUNTS, o.ambiguity(KEYS.phoneHash("0912000008")));
    assertEquals(account("contest", "village-0"), o.keyOf(account("contest", "village-0")));
    assertNotEquals(o.keyOf(account("contest", "village-0")), o.keyOf(account("contest", "village-1")));
  }

  @Test
  void aCmndLinksToTheCccdOnlyWhereOneRecordCarriesBoth() {
    Linked o = oneNight();
    assertEquals(KEYS.cccdHash(cccd(85, 4)), o.keyOf(account("contest", "c4")));
    assertEquals(KEYS.cmndHash("039000005"), o.keyOf(account("contest", "c5")), "no pair: a person of its own");
  }

  @Test
  void identifiersThatJoinTwoCccdsThroughOthers_areAmbiguous() {
    Linked o = oneNight();
    assertNotEquals(o.keyOf(KEYS.cccdHash(cccd(85, 6))), o.keyOf(KEYS.cccdHash(cccd(90, 7))));
    assertEquals(PersonLinkage.JOINS_CCCDS, o.ambiguity(KEYS.phoneHash("0912000006")));
    assertEquals(PersonLinkage.JOINS_CCCDS, o.ambiguity(account("city-lms", "l6")));
    org.junit.jupiter.api.Assertions.assertTrue(o.merges().isEmpty(), "a first night has no keys to merge");
  }

  @Test
  void aPersonThatGrows_keepsItsKey_withoutRecomputingEveryComponent() {
    Night night = new Night().record("contest", "c1", null, null, "0912000011", "2025-09-01");
    Linked first = link(night, noLinks());
    String key = first.keyOf(account("contest", "c1"));
    assertEquals(KEYS.phoneHash("0912000011"), key);
    Linked second = link(night.next().record("city-lms", "l1", cccd(85, 11), null, "0912000011", "2025-10-01"),
        first.outcome().links());
    assertFalse(second.outcome().recomputed(), "one new record joining one person: only the new records' components");
    assertEquals(key, second.keyOf(KEYS.cccdHash(cccd(85, 11))), "the person got a CCCD and kept its key");
    assertEquals(key, second.keyOf(account("city-lms", "l1")));
    assertEquals(key, second.keyOf(account("contest", "c1")), "identifiers of no new record keep theirs");
    org.junit.jupiter.api.Assertions.assertTrue(second.merges().isEmpty());
    assertFalse(second.outcome().movedFrom().isPresent(), "no identifier changed person: no earlier month moves");
  }

  @Test
  void aKnownAccountGivingAKnownPhone_mergesTwoPersons_thoughNoIdentifierIsNew() {
    Night night = new Night()
        .record("contest", "c1", null, null, "0912000031", "2025-09-01")
        .record("city-lms", "l1", cccd(85, 31), null, null, "2025-10-01");
    Linked first = link(night, noLinks());
    Linked second = link(night.next().record("city-lms", "l1", cccd(85, 31), null, "0912000031", "2025-12-10"),
        first.outcome().links());
    org.junit.jupiter.api.Assertions.assertTrue(second.outcome().recomputed());
    assertEquals(KEYS.phoneHash("0912000031"), second.keyOf(account("city-lms", "l1")), "the older key survives");
    assertEquals(List.of(List.of(KEYS.cccdHash(cccd(85, 31)), KEYS.phoneHash("0912000031"), PersonLinkage.MERGED)),
        second.merges());
  }

  /**
   * Night 1: a phone-only registrant (September) and a learner with a CCCD (October) are two persons; a
   * CCCD with a phone and a phone-only learner are one. Night 2: a MOOC actor with both of the first two's
   * identifiers merges them; another CCCD with the second pair's phone makes it a family's and splits them.
   */
  private Linked[] mergeAndSplit;

  private Linked[] mergeAndSplit() {
    if (mergeAndSplit == null) {
      mergeAndSplit = twoNights(spark());
    }
    return mergeAndSplit;
  }

  private static Linked[] twoNights(SparkSession spark) {
    Night night = new Night()
        .record("contest", "c1", null, null, "0912000021", "2025-09-01")
        .record("city-lms", "l1", cccd(85, 21), null, null, "2025-10-01")
        .record("contest", "c2", cccd(85, 22), null, "0912000022", "2025-09-01")
        .record("city-lms", "l2", null, null, "0912000022", "2025-09-05");
    Linked first = link(spark, night, noLinks(spark));
    Linked second = link(spark, night.next()
        .record("national-mooc", "m1", cccd(85, 21), null, "0912000021", "2025-11-01")
        .record("contest", "c3", cccd(90, 23), null, "0912000022", "2025-11-01"), first.outcome().links());
    return new Linked[] {first, second};
  }

  /**
   * A cluster's own settings may turn Spark's adaptive execution off: the same links and merges. (Joins
   * of rows to what was derived from them failed then: Spark could not tell the two sides apart.)
   */
  @Test
  void withoutAdaptiveExecution_theSameLinksAndMerges() {
    Linked[] adaptive = mergeAndSplit();
    // A session of its own (same SparkContext): the setting reaches no other test.
    SparkSession plainSpark = spark().newSession();
    plainSpark.conf().set("spark.sql.adaptive.enabled", "false");
    Linked[] plain = twoNights(plainSpark);
    for (int night = 0; night < 2; night++) {
      assertEquals(new java.util.TreeMap<>(adaptive[night].links()).toString(),
          new java.util.TreeMap<>(plain[night].links()).toString(), "night " + (night + 1));
    }
    assertEquals(adaptive[1].merges().stream().map(Object::toString).sorted().toList(),
        plain[1].merges().stream().map(Object::toString).sorted().toList());
  }

  @Test
  void aMergeOnALaterNight_keepsTheOlderKey_andRecordsIt() {
    Linked first = mergeAndSplit()[0];
    Linked second = mergeAndSplit()[1];
    String older = KEYS.phoneHash("0912000021");
    String younger = KEYS.cccdHash(cccd(85, 21));
    assertNotEquals(first.keyOf(account("contest", "c1")), first.keyOf(account("city-lms", "l1")));
    org.junit.jupiter.api.Assertions.assertTrue(second.outcome().recomputed());
    assertEquals(older, second.keyOf(account("city-lms", "l1")));
    assertEquals(older, second.keyOf(account("national-mooc", "m1")));
    org.junit.jupiter.api.Assertions.assertTrue(second.merges().contains(List.of(younger, older, PersonLinkage.MERGED)), second.merges().toString());
  }

  @Test
  void aSplit_givesTheLeavingIdentifiersANewKey_andRecordsIt() {
    Linked first = mergeAndSplit()[0];
    Linked second = mergeAndSplit()[1];
    String key = KEYS.cccdHash(cccd(85, 22));
    assertEquals(key, first.keyOf(account("city-lms", "l2")));
    assertEquals(key, second.keyOf(account("contest", "c2")));
    String leaving = second.keyOf(account("city-lms", "l2"));
    assertEquals(account("city-lms", "l2"), leaving);
    org.junit.jupiter.api.Assertions.assertTrue(second.merges().contains(List.of(key, leaving, PersonLinkage.SPLIT)), second.merges().toString());
    assertEquals(2, second.merges().size(), "one merge, one split");
    assertEquals(Date.valueOf("2025-09-01"), second.outcome().movedFrom().orElseThrow(),
        "the earliest identifier that changed person: the family phone, and the merged younger person's");
  }
}
