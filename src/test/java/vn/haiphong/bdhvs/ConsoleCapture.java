package vn.haiphong.bdhvs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a test thread prints, captured for that thread alone (and the threads it starts while capturing):
 * test classes run two at a time (junit-platform.properties), so replacing System.out and System.err for
 * one would capture the other's lines too. The log follows System.err (log4j2.properties), so a thread's
 * log lines are captured with what it prints.
 */
public final class ConsoleCapture {
  /** What one capture reads. */
  private static final class Buffers {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    volatile boolean open = true;
  }

  private static final InheritableThreadLocal<Buffers> CURRENT = new InheritableThreadLocal<>();
  private static boolean installed;

  /** What {@code body} returned and printed, on stdout and stderr. */
  public record Captured<T>(T value, String out, String err) {}

  private ConsoleCapture() {}

  /**
   * Runs {@code body}, capturing what this thread prints meanwhile. When it throws, what it printed goes to the
   * console (it explains the failure) and the exception is thrown as it came.
   */
  public static <T> Captured<T> of(Supplier<T> body) {
    install();
    Buffers previous = CURRENT.get();
    Buffers mine = new Buffers();
    CURRENT.set(mine);
    boolean returned = false;
    try {
      T value = body.get();
      returned = true;
      return new Captured<>(value, text(mine.out), text(mine.err));
    } finally {
      mine.open = false;
      CURRENT.set(previous);
      if (!returned) {
        System.err.print(text(mine.out) + text(mine.err));
      }
    }
  }

  private static String text(ByteArrayOutputStream bytes) {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  private static synchronized void install() {
    if (!installed) {
      System.setOut(new PrintStream(new Routed(System.out, b -> b.out), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(new Routed(System.err, b -> b.err), true, StandardCharsets.UTF_8));
      installed = true;
    }
  }

  /** Bytes to the writing thread's open capture, else to the console. */
  private static final class Routed extends OutputStream {
    private final PrintStream console;
    private final Function<Buffers, ByteArrayOutputStream> stream;

    Routed(PrintStream console, Function<Buffers, ByteArrayOutputStream> stream) {
      this.console = console;
      this.stream = stream;
    }

    private OutputStream target() {
      Buffers b = CURRENT.get();
      return b != null && b.open ? stream.apply(b) : console;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      OutputStream t = target();
      synchronized (t) {
        try {
          t.write(bytes, offset, length);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }

    @Override
    public void flush() {
      console.flush();
    }
  }
}
