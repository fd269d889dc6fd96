package vn.haiphong.bdhvs.linkage;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructType;

/**
 * One person across sources (docs/specification.md §4.1): records that share a hashed identifier (CCCD,
 * old CMND, phone, a platform account) are one person; persons are the connected components of that
 * graph. The rules real data needs:
 * <ul>
 *   <li>a CCCD is authoritative: an identifier seen with two CCCDs (a family's phone), or joining two
 *       CCCDs through other identifiers, is ambiguous and links nothing;</li>
 *   <li>an identifier seen with more accounts than {@link Rules#maxAccounts} (an officer's phone used to
 *       register a village) is ambiguous too;</li>
 *   <li>a person keeps its key as it grows; when persons merge the oldest key survives, and a person
 *       that loses identifiers to another gets that one's key or a new one — both written to the
 *       merges table (old key, new key, reason).</li>
 * </ul>
 * A night that only adds identifiers to persons (or new persons) computes components over its new
 * records alone; a merge, a split or a change in what is ambiguous recomputes them all.
 * Pure: DataFrames in, DataFrames out ({@link LinkageJob} reads and writes).
 */
public final class PersonLinkage {
  /** Identifier types in the order a person's key prefers them. */
  public static final List<String> TYPES = List.of("cccd", "cmnd", "phone", "account");
  public static final String MERGED = "merged";
  public static final String SPLIT = "split";
  public static final String SEVERAL_CCCD = "several_cccd";
  public static final String TOO_MANY_ACCOUNTS = "too_many_accounts";
  public static final String JOINS_CCCDS = "joins_cccds";

  static final String HASH = "identifier_hash";
  static final String TYPE = "identifier_type";
  static final String KEY = "person_key";
  static final String AMBIGUOUS = "ambiguous_because";
  /** The numbers of a distinct record and of an identifier within one night's linkage. */
  private static final String RECORD = "record";
  private static final String NODE = "node";

  /** {@code maxAccounts}: the most accounts one identifier may be seen with and still link them. */
  public record Rules(int maxAccounts) {
    public static final String SETTING = "spark.bdhvs.linkMaxAccounts";
    public static final Rules DEFAULTS = new Rules(8);
  }

  /**
   * The links (one row per identifier), this night's merges and splits, whether every component was
   * recomputed, and the earliest date whose persons changed (the cube rebuilds from its month).
   */
  public record Outcome(Dataset<Row> links, Dataset<Row> merges, boolean recomputed, Optional<Date> movedFrom) {}

  private PersonLinkage() {}

  /**
   * @param records  one row per record: {@code account_hash} (never null), {@code cccd_hash},
   *                 {@code cmnd_hash}, {@code phone_hash}, {@code seen_on} (the earliest date a fact of the
   *                 record counts from)
   * @param previous the links as the last night left them ({@code staged/person_links}), maybe empty
   * @param runId    names a key made new where the preferred one is taken
   */
  public static Outcome link(Dataset<Row> records, Dataset<Row> previous, Rules rules, String runId) {
    // Every distinct record and every identifier numbered: the graph's joins and rounds then run over
    // longs, not 64-character hashes. Checkpointed, so a number is drawn once.
    Dataset<Row> tuples = records
        .groupBy(hash("account"), hash("cccd"), hash("cmnd"), hash("phone"))
        .agg(min("seen_on").as("first_seen"), max("seen_on").as("last_seen"))
        .withColumn(RECORD, monotonically_increasing_id())
        .localCheckpoint(false);
    Dataset<Row> occurrences = occurrences(tuples).localCheckpoint(false);
    Dataset<Row> ids = identifiers(occurrences, rules).withColumn(NODE, monotonically_increasing_id())
        .localCheckpoint(false);
    Dataset<Row> members = occurrences.join(ids.select(HASH, NODE), HASH).select(RECORD, NODE).localCheckpoint(false);
    Dataset<Row> prior = previous.select(col(HASH), col(KEY).as("old_key"), col(AMBIGUOUS).as("old_ambiguous"));

    Optional<Dataset<Row>> extended = previous.isEmpty() ? Optional.empty()
        : extend(occurrences, members, ids, previous, runId);
    Dataset<Row> keyed;
    Dataset<Row> merges;
    if (extended.isPresent()) {
      keyed = extended.get();
      merges = emptyMerges(records);
    } else {
      Graph graph = componentsWithoutConflicts(members, ids);
      ids = graph.ids();
      KeyAssignment assigned = assign(graph.components(), prior, runId);
      keyed = assigned.keys();
      merges = assigned.merges();
    }
    // keyed comes from ids: its key named anew, as in assign.
    Dataset<Row> links = ids
        .join(keyed.select(col(HASH).as("keyed_hash"), col(KEY)), col(HASH).equalTo(col("keyed_hash")), "left")
        .select(col(HASH), col(TYPE), col(KEY), col(AMBIGUOUS), col("first_seen"), col("last_seen"))
        .localCheckpoint(false);
    Row moved = links.join(prior, HASH)
        .filter(not(col(KEY).eqNullSafe(col("old_key"))))
        .agg(min("first_seen")).first();
    return new Outcome(links, merges, extended.isEmpty(),
        moved.isNullAt(0) ? Optional.empty() : Optional.of(moved.getDate(0)));
  }

  private static Column hash(String type) {
    return col(type + "_hash");
  }

  /**
   * One row per identifier: type, first and last seen, and why it links nothing (null when it links).
   * A CCCD is never ambiguous. A record holds one CCCD at most, so two CCCDs show as a least and a
   * greatest that differ (no distinct count needed).
   */
  static Dataset<Row> identifiers(Dataset<Row> occurrences, Rules rules) {
    Column notCard = col(TYPE).notEqual("cccd");
    return occurrences.groupBy(HASH, TYPE)
        .agg(min("first_seen").as("first_seen"), max("last_seen").as("last_seen"),
            min(hash("cccd")).as("least_cccd"), max(hash("cccd")).as("greatest_cccd"),
            countDistinct(hash("account")).as("accounts"))
        .withColumn(AMBIGUOUS, when(notCard.and(col("least_cccd").notEqual(col("greatest_cccd"))), SEVERAL_CCCD)
            .when(notCard.and(col("accounts").gt(rules.maxAccounts())), TOO_MANY_ACCOUNTS))
        .drop("least_cccd", "greatest_cccd", "accounts");
  }

  /** One row per identifier of each distinct record: the record, its account and CCCD, and the identifier's hash and type. */
  private static Dataset<Row> occurrences(Dataset<Row> tuples) {
    Column[] each = TYPES.stream().map(type -> struct(hash(type).as(HASH), lit(type).as(TYPE))).toArray(Column[]::new);
    return tuples.select(col(RECORD), hash("account"), hash("cccd"), col("first_seen"), col("last_seen"),
            explode(array(each)).as("identifier"))
        .select(col(RECORD), hash("account"), hash("cccd"), col("first_seen"), col("last_seen"),
            col("identifier." + HASH).as(HASH), col("identifier." + TYPE).as(TYPE))
        .filter(col(HASH).isNotNull());
  }

  /**
   * Edges of the records' stars: from each record's least identifier that links to each of its others
   * (to itself when it has one); {@code members} is (record, node), {@code linking} the nodes that link.
   */
  static Dataset<Row> edges(Dataset<Row> members, Dataset<Row> linking) {
    return members.join(linking, NODE, "left_semi")
        .groupBy(RECORD).agg(min(NODE).as("src"), collect_list(NODE).as("dsts"))
        .select(col("src"), explode(col("dsts")).as("dst"));
  }

  /** The components of the identifiers that link, and every identifier with why it does not. */
  record Graph(Dataset<Row> components, Dataset<Row> ids) {}

  /** Components over the records' edges, after making ambiguous what joins two CCCDs. */
  static Graph componentsWithoutConflicts(Dataset<Row> members, Dataset<Row> ids) {
    Dataset<Row> components = components(members, ids);
    Dataset<Row> conflicting = components.filter(col(TYPE).equalTo("cccd"))
        .groupBy(ConnectedComponents.COMPONENT).count().filter(col("count").gt(1))
        .select(ConnectedComponents.COMPONENT);
    Dataset<Row> bridges = components.join(conflicting, ConnectedComponents.COMPONENT)
        .filter(col(TYPE).notEqual("cccd")).select(col(NODE), lit(JOINS_CCCDS).as("bridges"));
    if (bridges.isEmpty()) {
      return new Graph(components, ids);
    }
    Dataset<Row> cleared = ids.join(bridges, NODE, "left")
        .withColumn(AMBIGUOUS, coalesce(col(AMBIGUOUS), col("bridges"))).drop("bridges").localCheckpoint(false);
    // Bridges gone, the CCCDs they joined stand apart: one more pass finds no conflict.
    return new Graph(components(members, cleared), cleared);
  }

  /** (node, identifier_hash, identifier_type, component, first_seen) for every identifier of {@code members} that links. */
  private static Dataset<Row> components(Dataset<Row> members, Dataset<Row> ids) {
    Dataset<Row> linking = ids.filter(col(AMBIGUOUS).isNull()).select(NODE, HASH, TYPE, "first_seen");
    Dataset<Row> edges = edges(members, linking.select(NODE));
    return ConnectedComponents.of(edges.select(col("src").as(ConnectedComponents.NODE)), edges)
        .withColumnRenamed(ConnectedComponents.NODE, NODE)
        .join(linking, NODE)
        .localCheckpoint(false);
  }

  record KeyAssignment(Dataset<Row> keys, Dataset<Row> merges) {}

  /**
   * Keys for every component. A previous key lives on in the component holding its earliest identifier
   * (its home); of the keys homed in one component the oldest survives and the others are merged into it;
   * a component homing none takes the hash of its best identifier (a hash already used as a key gives a new
   * one); a key's identifiers in components other than its home record a split.
   */
  static KeyAssignment assign(Dataset<Row> components, Dataset<Row> prior, String runId) {
    String c = ConnectedComponents.COMPONENT;
    Dataset<Row> keyed = components.join(prior.filter(col("old_key").isNotNull()).select(HASH, "old_key"), HASH);
    Dataset<Row> homes = keyed
        .withColumn("n", row_number().over(Window.partitionBy("old_key").orderBy(col("first_seen"), col(HASH))))
        .filter(col("n").equalTo(1))
        .select(col("old_key"), col(c).as("home"), col("first_seen").as("key_first_seen"));
    Dataset<Row> survivors = homes
        .withColumn("n", row_number().over(Window.partitionBy("home").orderBy(col("key_first_seen"), col("old_key"))))
        .filter(col("n").equalTo(1)).select(col("home").as(c), col("old_key").as("survivor"));
    Dataset<Row> componentKeys = survivors.join(newKeys(components, prior.select("old_key"), runId), c, "right")
        .select(col(c), coalesce(col("survivor"), col("new_key")).as(KEY))
        .localCheckpoint(false);
    Dataset<Row> merged = homes.join(survivors, homes.col("home").equalTo(survivors.col(c)))
        .filter(col("old_key").notEqual(col("survivor")))
        .select(col("old_key"), col("survivor").as("new_key"), lit(MERGED).as("reason"));
    // A join to what was derived from the same rows names its key anew: Spark (3.5, adaptive execution
    // off) cannot otherwise tell the two sides' columns apart.
    Dataset<Row> split = keyed.join(homes.select(col("old_key").as("homed_key"), col("home")),
            col("old_key").equalTo(col("homed_key")))
        .filter(col(c).notEqual(col("home")))
        .join(componentKeys, c)
        .select(col("old_key"), col(KEY).as("new_key"), lit(SPLIT).as("reason"));
    Dataset<Row> keys = components.join(componentKeys, c).select(HASH, KEY);
    return new KeyAssignment(keys, merged.union(split).distinct().localCheckpoint(false));
  }

  /**
   * The night's new records joined onto the persons as they were, when that is all they do: no record
   * holds identifiers of two persons, every component of the new identifiers' records holds at most one
   * previous key and, with it, at most one CCCD; nothing turned ambiguous or stopped being. Empty when the night needs every component
   * recomputed.
   */
  static Optional<Dataset<Row>> extend(Dataset<Row> occurrences, Dataset<Row> members, Dataset<Row> ids,
      Dataset<Row> previous, String runId) {
    Dataset<Row> wasAmbiguous = previous.filter(col(AMBIGUOUS).isNotNull()).select(col(HASH), lit(true).as("was"));
    Dataset<Row> isAmbiguous = ids.filter(col(AMBIGUOUS).isNotNull()).select(col(HASH), lit(true).as("is"));
    if (!wasAmbiguous.join(isAmbiguous, HASH, "full").filter(col("was").isNull().or(col("is").isNull())).isEmpty()) {
      return Optional.empty();
    }
    Dataset<Row> oldKeys = previous.filter(col(KEY).isNotNull()).select(col(HASH), col(KEY).as("old_key"));
    // A record whose identifiers all existed but belonged to two persons joins them: that is a merge.
    boolean joinsTwo = !occurrences.join(oldKeys, HASH).groupBy(RECORD)
        .agg(min("old_key").as("least"), max("old_key").as("greatest"))
        .filter(col("least").notEqual(col("greatest"))).isEmpty();
    if (joinsTwo) {
      return Optional.empty();
    }
    Dataset<Row> fresh = ids.join(previous, HASH, "left_anti").select(NODE);
    Dataset<Row> touched = members.join(members.join(fresh, NODE, "left_semi").select(RECORD).distinct(), RECORD, "left_semi");
    Dataset<Row> components = components(touched, ids);
    String c = ConnectedComponents.COMPONENT;
    Dataset<Row> keyCards = previous.filter(col(KEY).isNotNull().and(col(TYPE).equalTo("cccd")))
        .select(col(KEY).as("old_key"), col(HASH).as("key_card"));
    Dataset<Row> withKeys = components.join(oldKeys, HASH, "left");
    Dataset<Row> cards = withKeys.filter(col(TYPE).equalTo("cccd")).select(col(c), col(HASH).as("card"))
        .union(withKeys.join(keyCards, "old_key").select(col(c), col("key_card").as("card")));
    Dataset<Row> marks = withKeys.select(col(c), col("old_key").as("mark"), lit("key").as("kind"))
        .union(cards.select(col(c), col("card").as("mark"), lit("card").as("kind")));
    boolean merges = !marks.filter(col("mark").isNotNull()).groupBy(c, "kind")
        .agg(min("mark").as("least"), max("mark").as("greatest"))
        .filter(col("least").notEqual(col("greatest"))).isEmpty();
    if (merges) {
      return Optional.empty();
    }
    Dataset<Row> componentKeys = withKeys.groupBy(c).agg(max("old_key").as("kept"))
        .join(newKeys(components, oldKeys.select("old_key"), runId), c)
        .select(col(c), coalesce(col("kept"), col("new_key")).as(KEY));
    Dataset<Row> joined = components.join(componentKeys, c).select(HASH, KEY);
    Dataset<Row> untouched = oldKeys.join(joined.select(HASH), HASH, "left_anti")
        .select(col(HASH), col("old_key").as(KEY));
    return Optional.of(joined.union(untouched).localCheckpoint(false));
  }

  /**
   * {@code (component, new_key)}: the key a component takes when no previous key lives on in it — the hash of its
   * best identifier (by {@link #TYPES}, then the least hash), unless a key ({@code old_key} of {@code keys})
   * already is that hash: then one derived from it and the run.
   */
  private static Dataset<Row> newKeys(Dataset<Row> components, Dataset<Row> keys, String runId) {
    String c = ConnectedComponents.COMPONENT;
    Dataset<Row> best = components.withColumn("rank", rank(col(TYPE)))
        .withColumn("n", row_number().over(Window.partitionBy(c).orderBy(col("rank"), col(HASH))))
        .filter(col("n").equalTo(1)).select(col(c), col(HASH).as("best"));
    Dataset<Row> used = keys.filter(col("old_key").isNotNull()).select(col("old_key").as("used")).distinct();
    return best.join(used, col("best").equalTo(col("used")), "left")
        .select(col(c), when(col("used").isNull(), col("best"))
            .otherwise(sha2(concat(col("best"), lit(":" + runId)), 256)).as("new_key"));
  }

  private static Column rank(Column type) {
    Column r = lit(TYPES.size());
    for (int i = TYPES.size() - 1; i >= 0; i--) {
      r = when(type.equalTo(TYPES.get(i)), i).otherwise(r);
    }
    return r;
  }

  private static Dataset<Row> emptyMerges(Dataset<Row> like) {
    return like.sparkSession().createDataFrame(List.of(), MERGES);
  }

  /** This night's rows of the merges table, before the run columns. */
  static final StructType MERGES = new StructType()
      .add("old_key", "string", false).add("new_key", "string", false).add("reason", "string", false);
}
