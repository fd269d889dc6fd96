package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.haiphong.bdhvs.errors.UserError;

/** One run per warehouse; a lock left by a dead process is taken over. (Two real processes: NightlyFaultTest.) */
class RunLockTest {
  @TempDir Path root;
  private final List<String> warnings = new ArrayList<>();

  private RunLock acquire(String runId) {
    return RunLock.acquire(root.toString(), new Configuration(), runId, warnings::add);
  }

  /** The pid of a process that has ended. */
  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }

  private static String holder(long pid, String host) {
    return "{\"pid\":" + pid + ",\"host\":\"" + host + "\",\"started_at\":\"2025-12-10T01:00:00Z\",\"run_id\":\"run-dead\",\"process_started\":\"\"}";
  }

  @Test
  void secondRun_isRefusedNamingTheHolder() {
    try (RunLock held = acquire("run-1")) {
      UserError e = assertThrows(UserError.class, () -> acquire("run-2"));
      assertTrue(e.getMessage().startsWith("another bdhvs run (pid " + ProcessHandle.current().pid()), e.getMessage());
      assertTrue(e.getMessage().contains("run run-1") && e.getMessage().contains(root.toString()), e.getMessage());
    }
  }

  @Test
  void released_lockIsFreeAgain() throws IOException {
    acquire("run-1").close();
    assertEquals("", Files.readString(root.resolve(RunLock.FILE)), "an empty lock file is a free lock");
    try (RunLock again = acquire("run-2")) {
      assertTrue(Files.readString(root.resolve(RunLock.FILE)).contains("run-2"));
    }
    assertEquals(List.of(), warnings);
  }

  @Test
  void lockOfADeadProcess_isTakenOverWithAWarning() throws Exception {
    long dead = deadPid();
    Files.writeString(root.resolve(RunLock.FILE), holder(dead, "some-host"));
    try (RunLock taken = acquire("run-2")) {
      assertEquals(1, warnings.size());
      assertTrue(warnings.get(0).contains("pid " + dead) && warnings.get(0).contains("no longer running"), warnings.get(0));
    }
  }

  @Test
  void sharedFileSystemLock_refusesALiveHolderAndTakesOverADeadOne() throws Exception {
    Configuration hadoop = new Configuration();
    RunLock.Holder me = RunLock.Holder.current("run-1");
    try (RunLock held = RunLock.acquireShared(root.toString(), hadoop, me, warnings::add)) {
      UserError e = assertThrows(UserError.class,
          () -> RunLock.acquireShared(root.toString(), hadoop, RunLock.Holder.current("run-2"), warnings::add));
      assertTrue(e.getMessage().contains("pid " + me.pid()), e.getMessage());
    }
    Files.writeString(root.resolve(RunLock.FILE), holder(deadPid(), me.host()));
    RunLock.acquireShared(root.toString(), hadoop, RunLock.Holder.current("run-3"), warnings::add).close();
    assertEquals(1, warnings.size(), "the dead holder's lock was taken over");
    Files.writeString(root.resolve(RunLock.FILE), holder(deadPid(), "another-host"));
    assertThrows(UserError.class,
        () -> RunLock.acquireShared(root.toString(), hadoop, RunLock.Holder.current("run-4"), warnings::add),
        "a holder on another host cannot be checked: it is not taken over");
  }

  @Test
  void warehouseThatCannotBeCreated_isAUserError() throws IOException {
    Path file = root.resolve("a-file");
    Files.writeString(file, "not a folder");
    UserError e = assertThrows(UserError.class,
        () -> RunLock.acquire(file.resolve("warehouse").toString(), new Configuration(), "run-1", warnings::add));
    assertTrue(e.getMessage().startsWith("cannot write the warehouse " + file.resolve("warehouse")), e.getMessage());
  }
}
