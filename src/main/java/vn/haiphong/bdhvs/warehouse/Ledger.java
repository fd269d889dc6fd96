package vn.haiphong.bdhvs.warehouse;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import vn.haiphong.bdhvs.errors.UserError;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.FileCount;
import vn.haiphong.bdhvs.landing.Landing;

/**
 * {@code <warehouse>/ledger/ledger.json}: every delivery the warehouse holds — path, SHA-256,
 * bytes, table, the run that ingested these bytes and what they gave — and what its outputs were
 * built with. A run reads only deliveries that are new, whose bytes changed at the same path, or
 * whose parsed rows were made by other code or reference data; every other delivery's rows come
 * from {@code parsed/}. A delivery gone from the landing keeps its contribution (landing retention
 * must not erase history); a changed file replaces it. Published with the run's other outputs.
 * It is the warehouse's record, read from and published with it, so it lives here; the landing it
 * records knows it only as {@link Landing.HeldFiles}.
 */
public final class Ledger {
  public static final String PATH = "ledger/ledger.json";
  /** The {@link #builtWith} key of the cubes. */
  public static final String CUBES = "cubes";

  /**
   * One delivery as ingested. {@code parsedWith} fingerprints the parser code, reference data and
   * catalog used; {@code notRegular} says what an entry that was not opened is (see {@link Delivery}).
   */
  public record Entry(
      @JsonProperty("path") String path,
      @JsonProperty("source") String source,
      @JsonProperty("table") String table,
      @JsonProperty("folder") String folder,
      @JsonProperty("sha256") String sha256,
      @JsonProperty("bytes") long bytes,
      @JsonProperty("modified") @JsonInclude(JsonInclude.Include.NON_NULL) String modified,
      @JsonProperty("parsed_with") String parsedWith,
      @JsonProperty("run_id") String runId,
      @JsonProperty("rows_read") long rowsRead,
      @JsonProperty("rows_accepted") long rowsAccepted,
      @JsonProperty("rows_rejected") long rowsRejected,
      @JsonProperty("file_rejected") String fileRejected,
      @JsonProperty("not_regular") @JsonInclude(JsonInclude.Include.NON_NULL) String notRegular) {

    public static Entry of(Delivery d, String parsedWith, String runId, FileCount count) {
      return new Entry(d.path(), d.source(), d.table(), d.folder(), d.sha256(), d.bytes(), d.modified(), parsedWith, runId,
          count.read(), count.accepted(), count.rejected(), count.fileReason(), d.notRegular());
    }

    /** The same delivery, its bytes found unchanged under another modification time. */
    Entry modifiedAt(String time) {
      return new Entry(path, source, table, folder, sha256, bytes, time, parsedWith, runId, rowsRead, rowsAccepted,
          rowsRejected, fileRejected, notRegular);
    }

    /** Whether the parsed rows stored for this entry are those {@code d} would give under {@code parsedWith}. */
    public boolean holds(Delivery d, String parsedWith) {
      return sha256.equals(d.sha256()) && this.parsedWith.equals(parsedWith);
    }
  }

  private record Document(
      @JsonProperty("key_check") String keyCheck,
      @JsonProperty("built_with") Map<String, String> builtWith,
      @JsonProperty("facts_changed_from") String factsChangedFrom,
      @JsonProperty("deliveries") List<Entry> deliveries) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final String keyCheck;
  private final TreeMap<String, String> builtWith;
  private String factsChangedFrom;
  private final TreeMap<String, Entry> entries = new TreeMap<>();

  private Ledger(String keyCheck, Map<String, String> builtWith, String factsChangedFrom, Collection<Entry> entries) {
    this.keyCheck = keyCheck;
    this.builtWith = new TreeMap<>(builtWith == null ? Map.of() : builtWith);
    this.factsChangedFrom = factsChangedFrom;
    entries.forEach(e -> this.entries.put(e.path(), e));
  }

  /**
   * The published ledger of {@code warehouse}, or an empty one for a new warehouse. {@code keyCheck}
   * (a pseudonym of a fixed text under the run's key) must match the one the warehouse was built
   * with: another key would silently give every person a new key.
   */
  public static Ledger read(Warehouse warehouse, String keyCheck) {
    Optional<String> text = warehouse.readText(PATH);
    if (text.isEmpty()) {
      return new Ledger(keyCheck, Map.of(), null, List.of());
    }
    Document d;
    try {
      d = JSON.readValue(text.get(), Document.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the ledger " + warehouse.root() + "/" + PATH + " is not readable: "
          + e.getOriginalMessage(), e);
    }
    if (d.keyCheck() != null && !d.keyCheck().equals(keyCheck)) {
      throw new UserError("the warehouse " + warehouse.root() + " was built with another pseudonymization key: "
          + "this key would give every person a new person_key, unlinkable to the ones already there. Use the "
          + "warehouse's own key (BDHVS_PSEUDONYM_KEY or --key-file), or build a new warehouse for a new key");
    }
    return new Ledger(keyCheck, d.builtWith(), d.factsChangedFrom(), d.deliveries() == null ? List.of() : d.deliveries());
  }

  public Optional<Entry> entry(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  /**
   * The held SHA-256 of the file at {@code path} when it had this size and modification time as it
   * was hashed: a {@link Landing.HeldFiles} for the scan. An entry from before modification times
   * were kept vouches for nothing.
   */
  public Optional<String> sha256(String path, long bytes, String modified) {
    Entry e = entries.get(path);
    return e != null && e.notRegular() == null && e.bytes() == bytes && modified.equals(e.modified())
        ? Optional.of(e.sha256()) : Optional.empty();
  }

  /**
   * Keeps the modification time of held files whose bytes the scan found the same under another time
   * (touched, or copied again unchanged), so that the next scan need not read them again.
   */
  public void sameBytes(List<Delivery> scanned) {
    for (Delivery d : scanned) {
      Entry e = entries.get(d.path());
      if (e != null && d.modified() != null && e.sha256().equals(d.sha256()) && !d.modified().equals(e.modified())) {
        entries.put(e.path(), e.modifiedAt(d.modified()));
      }
    }
  }

  /** The entries of one table (or {@link Landing#UNEXPECTED} for files that fit no layout rule), by path. */
  public List<Entry> of(String table) {
    return entries.values().stream().filter(e -> e.table().equals(table)).toList();
  }

  public Collection<Entry> all() {
    return entries.values();
  }

  public void record(Entry e) {
    entries.put(e.path(), e);
  }

  /** The fingerprint of the code that built an output of the published warehouse (e.g. {@code cubes}), when known. */
  public Optional<String> builtWith(String output) {
    return Optional.ofNullable(builtWith.get(output));
  }

  /**
   * The earliest month whose figures the staged tables changed since the cubes were last built
   * (ingest records it, the cube job rebuilds from it and clears it); empty when nothing changed.
   * Kept in the ledger so that it survives between runs of single jobs.
   */
  public Optional<YearMonth> factsChangedFrom() {
    return Optional.ofNullable(factsChangedFrom).map(YearMonth::parse);
  }

  /** Records that figures from {@code month} on may have changed. */
  public void factsChanged(YearMonth month) {
    if (factsChangedFrom == null || month.isBefore(YearMonth.parse(factsChangedFrom))) {
      factsChangedFrom = month.toString();
    }
  }

  /**
   * An output other than the cubes (e.g. the quality flags) was built from {@code fingerprint}: its code
   * and its inputs as they were; a job finding the same fingerprint has nothing to rebuild.
   */
  public void built(String output, String fingerprint) {
    builtWith.put(output, fingerprint);
  }

  /** The cubes were rebuilt by {@code version} of their code: every changed figure is in them. */
  public void cubesBuilt(String version) {
    builtWith.put(CUBES, version);
    factsChangedFrom = null;
  }

  public String json() {
    try {
      return JSON.writeValueAsString(new Document(keyCheck, builtWith, factsChangedFrom, new ArrayList<>(entries.values())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
