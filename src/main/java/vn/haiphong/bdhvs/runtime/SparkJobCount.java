package vn.haiphong.bdhvs.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;

/**
 * The Spark jobs each stage of a night starts. On a small night a job's fixed latency, not its data, is most
 * of the time, so the manifest says how many each stage ran. A job counts for the stage named in the local
 * property of the thread that started it ({@link #enter}); jobs of threads made before that count as
 * {@code other}. Spark delivers the events asynchronously: a count read as its stage ends may lag by a job.
 */
final class SparkJobCount extends SparkListener {
  private static final String STAGE = "bdhvs.stage";
  static final String OTHER = "other";
  private final Map<String, LongAdder> jobs = new ConcurrentHashMap<>();

  /** The jobs this thread starts from now on count for {@code stage}. */
  static void enter(SparkContext spark, String stage) {
    spark.setLocalProperty(STAGE, stage);
  }

  @Override
  public void onJobStart(SparkListenerJobStart start) {
    String stage = start.properties() == null ? null : start.properties().getProperty(STAGE);
    jobs.computeIfAbsent(stage == null ? OTHER : stage, s -> new LongAdder()).increment();
  }

  long of(String stage) {
    LongAdder n = jobs.get(stage);
    return n == null ? 0 : n.sum();
  }

  long total() {
    return jobs.values().stream().mapToLong(LongAdder::sum).sum();
  }
}
