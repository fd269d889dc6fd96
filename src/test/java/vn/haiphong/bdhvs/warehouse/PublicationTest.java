package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** All of a run's outputs or none of them, also when the run dies while publishing. */
class PublicationTest {
  @TempDir Path root;

  private Warehouse run(String runId) {
    return new Warehouse(root.toString(), new Configuration(), runId);
  }

  @BeforeEach
  void previousRun() {
    Warehouse previous = run("run-1");
    previous.writeText("ledger/ledger.json", "old ledger");
    previous.writeText("runs/run-1.json", "old manifest");
    previous.publish();
  }

  private Optional<String> published(String relative) {
    return run("reader").readText(relative);
  }

  private void assertNoLeftovers() {
    assertFalse(Files.exists(root.resolve(Publication.PENDING)) && root.resolve(Publication.PENDING).toFile().list().length > 0,
        "nothing left aside");
    assertFalse(Files.exists(root.resolve(Publication.TRASH)) && root.resolve(Publication.TRASH).toFile().list().length > 0,
        "no old version left");
    assertFalse(Files.exists(root.resolve(Publication.JOURNAL)), "no journal");
  }

  @Test
  void publish_swapsEveryOutputInAtOnce() {
    Warehouse w = run("run-2");
    w.writeText("ledger/ledger.json", "new ledger");
    w.writeText("runs/run-2.json", "new manifest");
    assertEquals(Optional.of("old ledger"), published("ledger/ledger.json"), "nothing shows before publishing");
    assertEquals(Optional.empty(), published("runs/run-2.json"));
    w.publish();
    assertEquals(Optional.of("new ledger"), published("ledger/ledger.json"));
    assertEquals(Optional.of("new manifest"), published("runs/run-2.json"));
    assertEquals(Optional.of("old manifest"), published("runs/run-1.json"), "what the run did not write stays");
    assertNoLeftovers();
  }

  @Test
  void abandon_leavesThePublishedOutputsAsTheyWere() {
    Warehouse w = run("run-2");
    w.writeText("ledger/ledger.json", "new ledger");
    w.abandon();
    assertEquals(Optional.of("old ledger"), published("ledger/ledger.json"));
    assertNoLeftovers();
  }

  @Test
  void recover_deletesWhatADeadRunLeftAsideBeforeItsJournal() throws IOException {
    Warehouse w = run("run-2");
    w.writeText("ledger/ledger.json", "new ledger");
    // run-2 dies here: no journal, so nothing of it is published.
    assertNull(run("run-3").recover());
    assertEquals(Optional.of("old ledger"), published("ledger/ledger.json"));
    assertNoLeftovers();
  }

  @Test
  void recover_finishesAPublicationThatDiedHalfWay() throws IOException {
    // As run-2 leaves the warehouse when killed after its journal and its first rename pair:
    // the ledger is in place (its old version in the trash), the manifest is still aside.
    write(".pending/run-2/runs/run-2.json", "new manifest");
    write(".trash/run-2/ledger/ledger.json", "old ledger");
    write("ledger/ledger.json", "new ledger");
    write(Publication.JOURNAL, "{\"run_id\":\"run-2\",\"replaced\":[\"ledger/ledger.json\",\"runs/run-2.json\"],\"removed\":[]}");
    assertEquals("run-2", run("run-3").recover());
    assertEquals(Optional.of("new ledger"), published("ledger/ledger.json"));
    assertEquals(Optional.of("new manifest"), published("runs/run-2.json"));
    assertNoLeftovers();
    assertNull(run("run-4").recover(), "recovering again finds nothing to do");
  }

  @Test
  void publish_thatCannotRenameUndoesWhatItDid() throws IOException {
    Warehouse w = run("run-2");
    w.writeText("ledger/ledger.json", "new ledger");
    w.writeText("reports/2025-11.html", "new report");
    // A file where the reports folder should be: the second output cannot be moved in.
    write("reports", "not a folder");
    UncheckedIOException e = assertThrows(UncheckedIOException.class, w::publish);
    assertTrue(e.getMessage().contains("nothing of it was published"), e.getMessage());
    assertEquals(Optional.of("old ledger"), published("ledger/ledger.json"), "the first output moved back out");
    assertFalse(Files.exists(root.resolve(Publication.JOURNAL)));
  }

  @Test
  void removedOutput_goesWithThePublication() throws IOException {
    write("cubes/x/month=2025-11/part.txt", "old");
    write("cubes/x/month=2025-12/part.txt", "old");
    org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.getLocal(new Configuration());
    Publication p = new Publication(fs, new org.apache.hadoop.fs.Path(root.toString()), "run-2");
    p.remove("cubes/x/month=2025-12");
    assertEquals(java.util.List.of("2025-11", "2025-12"), run("reader").partitions("cubes/x", "month"));
    p.publish();
    assertEquals(java.util.List.of("2025-11"), run("reader").partitions("cubes/x", "month"));
    assertNoLeftovers();
  }

  private void write(String relative, String content) throws IOException {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }
}
