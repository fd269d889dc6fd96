package vn.haiphong.bdhvs;

import java.sql.SQLException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/** A test class that reads what the shared small-sample run ({@link SmallSampleRun}) wrote. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SmallSampleTest extends SharedSpark {
  protected GeneratedRun run;
  protected DuckDbWarehouse warehouse;

  @BeforeAll
  void runSample() {
    runBefore();
    run = SmallSampleRun.get(spark());
    warehouse = new DuckDbWarehouse(run.warehouse());
  }

  protected long count(String sql) throws SQLException {
    return run.count(sql);
  }
}
