package vn.haiphong.bdhvs.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import sun.misc.Signal;
import sun.misc.SignalHandler;
import vn.haiphong.bdhvs.runtime.PipelineRun;

/**
 * Ctrl-C (SIGINT) or a scheduler's SIGTERM during {@code bdhvs run}. Left to the JVM, the signal
 * starts the shutdown hooks, Spark's among them, which stop the SparkContext under the running job:
 * the user then reads "Job 89 cancelled because SparkContext was shut down" and its stack, and the
 * manifest records that. Instead the run is told first ({@link PipelineRun#interrupt}: its
 * manifest says {@code interrupted}, it publishes nothing after this), the user gets one line,
 * everything printed after it is dropped, and the process exits as a shell expects of a signal:
 * 128 + its number (130, 143). The run lock goes with the process; {@code .pending/} is the next run's to clear.
 */
final class RunInterruption implements AutoCloseable {
  private static final String[] SIGNALS = {"INT", "TERM"};

  private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
  private volatile PipelineRun current;

  private RunInterruption() {}

  /** Handles SIGINT and SIGTERM until closed; a JVM that keeps its signals to itself (-Xrs) keeps its default. */
  static RunInterruption install() {
    RunInterruption interruption = new RunInterruption();
    for (String name : SIGNALS) {
      try {
        Signal signal = new Signal(name);
        interruption.previous.put(signal, Signal.handle(signal, interruption::stop));
      } catch (IllegalArgumentException unavailable) {
        // The signal is reserved here: the JVM's own handling stays.
      }
    }
    return interruption;
  }

  /** The run a signal now interrupts: the night under way, or the one that has just ended. */
  void during(PipelineRun run) {
    current = run;
  }

  private void stop(Signal signal) {
    PipelineRun run = current;
    String what = run == null ? "interrupted before a run started; nothing published; the next run starts clean"
        : run.interrupt("SIG" + signal.getName());
    System.err.println("bdhvs: " + what);
    System.err.flush();
    // Spark's and the run's last words as they are stopped would bury the one line that matters.
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    System.setOut(nowhere);
    System.setErr(nowhere);
    System.exit(128 + signal.getNumber());
  }

  @Override
  public void close() {
    previous.forEach(Signal::handle);
  }
}
