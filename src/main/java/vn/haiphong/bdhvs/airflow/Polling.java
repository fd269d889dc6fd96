package vn.haiphong.bdhvs.airflow;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Asking Airflow again every {@code interval} until an answer is final or {@code timeout} has passed. */
public record Polling(Duration interval, Duration timeout) {

  /** The first answer that is {@code done}, or the last one asked before the timeout. */
  public <T> T until(Supplier<T> ask, Predicate<T> done) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = ask.get();
    while (!done.test(last)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return last;
      }
      sleep(Duration.ofNanos(Math.min(left, interval.toNanos())));
      last = ask.get();
    }
    return last;
  }

  static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AirflowUnavailable("interrupted while waiting for Airflow", e);
    }
  }
}
