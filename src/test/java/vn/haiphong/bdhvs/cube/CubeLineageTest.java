package vn.haiphong.bdhvs.cube;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.HadoopFsRelation;
import org.apache.spark.sql.execution.datasources.LogicalRelation;
import scala.collection.JavaConverters;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import vn.haiphong.bdhvs.GeneratedRun;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * The cubes' lineage in their contracts ({@code readsFrom}) against what Spark's plans actually
 * read: the staged tables behind each cube's input files. A cube that starts reading another
 * table, or stops reading one, fails here until its contract (and so the data dictionary) says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CubeLineageTest extends SharedSpark {
  private CubeInputs in;
  private CubeReference ref;

  @BeforeAll
  void readTheStagedTables() {
    runBefore();
    GeneratedRun run = SmallSampleRun.get(spark());
    in = CubeJob.read(spark(), new Warehouse(run.warehouse().toString(), spark().sparkContext().hadoopConfiguration(), "run-lineage"));
    ref = CubeReference.load(List.of(YearMonth.of(2025, 11)), "run-lineage", GeneratedRun.runDate(run.expected()), WardDirectory.load(),
        ReportingUnits.load(WardDirectory.load()));
  }

  @Test
  void indicatorCube_readsTheStagedTablesItsContractNames() {
    assertEquals(declared("indicator_cube"), read(wholePlan()));
  }

  @Test
  void learningCube_readsTheStagedTablesItsContractNames() {
    assertEquals(declared("learning_cube"), read(LearningCube.build(spark(), in, ref)));
  }

  @Test
  void telecomCube_readsTheStagedTablesItsContractNames() {
    assertEquals(declared("telecom_cube"), read(TelecomCube.build(in.table("telecom_operator"), "run-lineage")));
  }

  @Test
  void skillGaps_readTheIndicatorCube() {
    assertEquals(List.of("output/indicator_cube", "reference/indicators"), TableContract.load("output", "skill_gaps").readsFrom());
    Dataset<Row> gaps = SkillGaps.build(wholePlan(), IndicatorCatalog.load(), "run-lineage");
    assertEquals(declared("indicator_cube"), read(gaps));
  }

  /**
   * The indicator cube as its SQL states it, every statement a view: the nightly engine computes
   * figures as it goes ({@link SparkCubeEngine}), which cuts the plan where they stand.
   */
  private Dataset<Row> wholePlan() {
    in.byTable().forEach((table, rows) -> rows.createOrReplaceTempView("staged_" + table));
    CubeSql.run(new CubeEngine() {
      @Override
      public void load(ReferenceFrames.Frame frame) {
        frame.toSpark(spark()).createOrReplaceTempView(frame.name());
      }

      @Override
      public void define(CubeSql.Step step) {
        spark().sql(step.sql()).createOrReplaceTempView(step.relation());
      }
    }, ref);
    return spark().table(CubeSql.CUBE);
  }

  /** The staged tables a cube's contract says it reads. */
  private static Set<String> declared(String cube) {
    return TableContract.load("output", cube).readsFrom().stream().filter(t -> t.startsWith("staged/"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The staged tables the plan reads: the Parquet relations among the leaves of the analyzed plan
   * (before cached data is substituted, so a persisted step still shows what it read).
   */
  private static Set<String> read(Dataset<Row> plan) {
    Set<String> tables = new TreeSet<>();
    for (LogicalPlan leaf : JavaConverters.seqAsJavaList(plan.queryExecution().analyzed().collectLeaves())) {
      if (leaf instanceof LogicalRelation r && r.relation() instanceof HadoopFsRelation fs) {
        for (org.apache.hadoop.fs.Path root : JavaConverters.seqAsJavaList(fs.location().rootPaths())) {
          tables.add("staged/" + root.getName());
        }
      }
    }
    return tables;
  }
}
