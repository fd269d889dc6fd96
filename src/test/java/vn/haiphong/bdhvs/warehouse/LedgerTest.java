package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.landing.FileCount;

/** What the ledger vouches for without a file being read again: its SHA-256 at the size and time it was hashed. */
class LedgerTest {
  private static final String PATH = "contest/2025-12-03/visits.csv";
  private static final String T1 = "2025-12-03T01:00:00.123Z";
  private static final String T2 = "2025-12-04T01:00:00.456Z";

  @TempDir Path tmp;

  private static Delivery delivery(String sha256, long bytes, String modified) {
    return new Delivery("contest", "contest_visits", PATH, "file:/landing/" + PATH, "2025-12-03", sha256, bytes, modified, null);
  }

  private Ledger ledger() {
    return Ledger.read(new Warehouse(tmp.toString(), new Configuration(), "run-test"), "check");
  }

  @Test
  void sha256_onlyForTheSizeAndTimeItWasHashedWith() {
    Ledger ledger = ledger();
    ledger.record(Ledger.Entry.of(delivery("aa", 2, T1), "p", "run-1", FileCount.nothing(PATH, null)));
    assertEquals(Optional.of("aa"), ledger.sha256(PATH, 2, T1));
    assertEquals(Optional.empty(), ledger.sha256(PATH, 3, T1), "another size");
    assertEquals(Optional.empty(), ledger.sha256(PATH, 2, T2), "another time");
    assertEquals(Optional.empty(), ledger.sha256("contest/2025-12-04/visits.csv", 2, T1), "another path");
  }

  /** Touched, or copied again unchanged: the same bytes under a new time are held at that time, so the next scan reads nothing. */
  @Test
  void sameBytesUnderANewTime_areHeldAtThatTime() throws Exception {
    Ledger ledger = ledger();
    ledger.record(Ledger.Entry.of(delivery("aa", 2, T1), "p", "run-1", FileCount.nothing(PATH, null)));
    ledger.sameBytes(List.of(delivery("aa", 2, T2)));
    assertEquals(Optional.of("aa"), ledger.sha256(PATH, 2, T2));
    assertEquals("run-1", ledger.entry(PATH).orElseThrow().runId(), "what the bytes gave stays");
    ledger.sameBytes(List.of(delivery("bb", 2, T1)));
    assertEquals(Optional.empty(), ledger.sha256(PATH, 2, T1), "other bytes are not held at their time");

    Path published = tmp.resolve(Ledger.PATH);
    Files.createDirectories(published.getParent());
    Files.writeString(published, ledger.json());
    assertEquals(Optional.of("aa"), ledger().sha256(PATH, 2, T2), "the time is kept in ledger.json");
  }
}
