package vn.haiphong.bdhvs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * Independent pipeline nights of a test (each on a warehouse of its own), two at a time: a tiny
 * night is mostly one driver thread planning and compiling, so two of them fill the suite's two
 * cores. Each night gets a session of its own over the shared SparkContext, since the cube job
 * names temporary views per session.
 */
public final class ConcurrentNights {
  private static final int AT_ONCE = 2;

  private ConcurrentNights() {}

  /** Runs every night, each given its own session; their results in order, or the first night's failure as it was thrown. */
  public static <T> List<T> run(SparkSession spark, List<Function<SparkSession, T>> nights) {
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<Future<T>> running = new ArrayList<>();
      for (Function<SparkSession, T> night : nights) {
        running.add(pool.submit(() -> night.apply(spark.newSession())));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : running) {
        results.add(f.get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the nights ran", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
