package vn.haiphong.bdhvs;

import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.BeforeEach;
import vn.haiphong.bdhvs.runtime.SparkSessions;

/**
 * One local SparkSession for the whole test JVM (Surefire runs all classes in one fork): started
 * by the first Spark test, never stopped between classes. spark-testing-base's hooks are JUnit 4,
 * so they are called from JUnit 5 here.
 */
public abstract class SharedSpark extends JavaDataFrameSuiteBase {

  @BeforeEach
  void startSpark() {
    runBefore();
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
    return conf;
  }
}
