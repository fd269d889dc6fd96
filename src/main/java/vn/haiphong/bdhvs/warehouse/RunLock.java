package vn.haiphong.bdhvs.warehouse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import vn.haiphong.bdhvs.errors.UserError;

/**
 * One writer at a time (docs/specification.md §6: two runs on one warehouse never interleave). The lock is the file
 * {@code <warehouse>/.lock}, naming its holder (pid, host, start, run id) for the message a second
 * run prints. On a local warehouse the operating system holds the lock ({@link FileChannel#tryLock}):
 * it is released when the holder dies, even by {@code kill -9}, so a lock file left with a holder
 * in it but nobody holding it is stale and is taken over. On another file system (HDFS) the file is
 * created only if absent; a lock whose holder ran on this host and is no longer alive is taken
 * over, one from another host must be removed by hand.
 */
public final class RunLock implements AutoCloseable {
  static final String FILE = ".lock";

  private final Runnable release;

  private RunLock(Runnable release) {
    this.release = release;
  }

  /** Who holds (or held) a lock. */
  record Holder(long pid, String host, String startedAt, String runId, String processStarted) {
    static Holder current(String runId) {
      ProcessHandle self = ProcessHandle.current();
      return new Holder(self.pid(), hostName(), Instant.now().toString(), runId,
          self.info().startInstant().map(Instant::toString).orElse(""));
    }

    String json() {
      return new ObjectMapper().createObjectNode().put("pid", pid).put("host", host).put("started_at", startedAt)
          .put("run_id", runId).put("process_started", processStarted).toString();
    }

    static Optional<Holder> parse(String text) {
      if (text == null || text.isBlank()) {
        return Optional.empty();
      }
      try {
        JsonNode j = new ObjectMapper().readTree(text);
        return Optional.of(new Holder(j.path("pid").asLong(), j.path("host").asText(), j.path("started_at").asText(),
            j.path("run_id").asText(), j.path("process_started").asText()));
      } catch (IOException e) {
        return Optional.of(new Holder(-1, "?", "?", "?", "")); // unreadable: held by someone unknown
      }
    }

    /** Alive as far as this host can tell: another host's process counts as alive. */
    boolean alive() {
      if (!host.equals(hostName())) {
        return true;
      }
      return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
          .filter(p -> processStarted.isEmpty()
              || p.info().startInstant().map(Instant::toString).orElse(processStarted).equals(processStarted))
          .isPresent();
    }

    String describe() {
      return "pid " + pid + " on host " + host + ", started " + startedAt + (runId.isEmpty() ? "" : ", run " + runId);
    }
  }

  /**
   * Takes the lock of the warehouse at {@code root} for run {@code runId}, or throws a
   * {@link UserError} (exit 2) naming the run that holds it. A stale lock is taken over with a
   * warning through {@code warn}.
   */
  public static RunLock acquire(String root, Configuration hadoop, String runId, Consumer<String> warn) {
    Holder me = Holder.current(runId);
    Optional<java.nio.file.Path> local = Warehouse.localFolder(root);
    return local.isPresent() ? acquireLocal(local.get(), me, warn) : acquireShared(root, hadoop, me, warn);
  }

  @Override
  public void close() {
    release.run();
  }

  private static RunLock acquireLocal(java.nio.file.Path root, Holder me, Consumer<String> warn) {
    java.nio.file.Path file = root.resolve(FILE);
    FileChannel channel;
    try {
      Files.createDirectories(root);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw unwritable(root.toString(), e);
    }
    try {
      FileLock lock;
      try {
        lock = channel.tryLock();
      } catch (OverlappingFileLockException e) {
        lock = null; // held by this very process (another run in the same JVM)
      }
      String previous = read(channel);
      if (lock == null) {
        channel.close();
        throw held(root.toString(), Holder.parse(previous));
      }
      // Nobody holds it: a holder still named in the file died without releasing it.
      Holder.parse(previous).ifPresent(dead -> warn.accept("took over the lock of " + root + " left by a run that is no longer running ("
          + dead.describe() + "); its unpublished outputs are discarded"));
      write(channel, me.json());
      FileLock held = lock;
      return new RunLock(() -> {
        try {
          // The file stays (deleting it could let two later runs lock two different files); empty means free.
          write(channel, "");
          held.release();
          channel.close();
        } catch (IOException e) {
          // Closing releases the lock anyway; the next run sees a stale holder and takes over.
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot use the lock file " + file, e);
    }
  }

  static RunLock acquireShared(String root, Configuration hadoop, Holder me, Consumer<String> warn) {
    Path file = new Path(root + "/" + FILE);
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      for (int attempt = 0; ; attempt++) {
        try (OutputStream out = fs.create(file, false)) {
          out.write(me.json().getBytes(StandardCharsets.UTF_8));
          return new RunLock(() -> {
            try {
              fs.delete(file, false);
            } catch (IOException e) {
              // A lock file left behind is stale once this process ends; the next run takes it over.
            }
          });
        } catch (FileAlreadyExistsException e) {
          String text;
          try (InputStream in = fs.open(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          Optional<Holder> holder = Holder.parse(text);
          if (attempt > 0 || holder.isEmpty() || holder.get().alive()) {
            throw held(root, holder);
          }
          warn.accept("took over the lock of " + root + " left by a run that is no longer running ("
              + holder.get().describe() + "); its unpublished outputs are discarded");
          fs.delete(file, false);
        }
      }
    } catch (IOException e) {
      throw unwritable(root, e);
    }
  }

  private static UserError held(String root, Optional<Holder> holder) {
    return new UserError("another bdhvs run (" + holder.map(Holder::describe).orElse("holder unknown")
        + ") holds the warehouse " + root + "; two runs never write one warehouse at once. Wait for it to "
        + "finish (a run left by a dead process is taken over automatically on this host; the lock is "
        + root + "/" + FILE + ")");
  }

  private static UserError unwritable(String root, IOException e) {
    String why = e instanceof java.nio.file.FileAlreadyExistsException ? "a file is where a folder should be: " + e.getMessage()
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied: " + e.getMessage()
        : e.getMessage() == null ? "an input/output error" : e.getMessage();
    return new UserError("cannot write the warehouse " + root + " (" + why + "); expected a folder this user can "
        + "create files in, on a disk with free space", e);
  }

  private static String read(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 16));
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
  }

  private static void write(FileChannel channel, String text) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
