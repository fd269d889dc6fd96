package vn.haiphong.bdhvs;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import java.util.Optional;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeEach;
import vn.haiphong.bdhvs.runtime.SparkSessions;

/**
 * One local SparkContext for the whole test JVM (Surefire runs all classes in one fork): started
 * by the first Spark test, never stopped between classes. Test classes run two at a time
 * (junit-platform.properties), so each test thread works in a session of its own over that context
 * ({@link #ofThisThread}): the cube job names temporary views per session, and a test may change its
 * session's settings. spark-testing-base's hooks are JUnit 4, so they are called from JUnit 5 here.
 */
public abstract class SharedSpark extends JavaDataFrameSuiteBase {
  private static final ThreadLocal<SparkSession> OWN = new ThreadLocal<>();

  @BeforeEach
  void startSpark() {
    runBefore();
  }

  /** Starts the session once: two classes starting at once (they run two at a time) would start two contexts. */
  @Override
  public void runBefore() {
    synchronized (SharedSpark.class) {
      super.runBefore();
    }
  }

  /** This thread's session: the shared one until the context is started. */
  @Override
  public SparkSession spark() {
    return ofThisThread().orElseGet(super::spark);
  }

  /**
   * This thread's session over the shared context, made the thread's active session too (which bdhvs's
   * command line, run in this JVM, takes up); empty before the context is started.
   */
  public static Optional<SparkSession> ofThisThread() {
    SparkSession own = OWN.get();
    if (own == null) {
      scala.Option<SparkSession> shared = SparkSession.getDefaultSession();
      if (shared.isEmpty()) {
        return Optional.empty();
      }
      own = shared.get().newSession();
      OWN.set(own);
    }
    SparkSession.setActiveSession(own);
    return Optional.of(own);
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }

  @Override
  public SparkConf conf() {
    SparkConf conf = new SparkConf().setMaster("local[2]").setAppName("bdhvs-tests")
        .set("spark.driver.host", "127.0.0.1");
    SparkSessions.settings(2).forEach(conf::set);
    // Spark's interpreted expressions, not generated code: the suite's hundreds of small queries then cost
    // about a tenth less CPU (README, Tests). The runs in a subprocess (NightlyFaultTest, RunInterruptionTest)
    // keep the production settings, and NightlyFaultTest compares their warehouse with this JVM's.
    conf.set("spark.sql.codegen.wholeStage", "false").set("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    // Interpreted, a common subexpression is looked up in a cache for every row, which cost more than it saved.
    conf.set("spark.sql.subexpressionElimination.enabled", "false");
    return conf;
  }
}
