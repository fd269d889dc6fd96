package vn.haiphong.bdhvs.dictionary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.SharedSpark;
import vn.haiphong.bdhvs.SmallSampleRun;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.job.JobResult;
import vn.haiphong.bdhvs.warehouse.DuckDbWarehouse;

/** The contracts' {@code writtenBy} against what each job of a real run says it wrote. */
class PipelineLineageTest extends SharedSpark {

  @Test
  void everyTableWritten_namesTheJobThatWroteIt_andEveryNamedJobWroteIt() {
    Map<String, JobResult> results = SmallSampleRun.get(spark()).outcome().results();
    Set<String> wrote = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    results.forEach((job, result) -> result.tablesWritten().keySet().forEach(written -> {
      if (written.startsWith("reports/")) {
        return; // the monthly report's HTML: no table
      }
      Optional<TableContract> contract = contractOf(written);
      if (contract.isEmpty()) {
        unknown.add(written);
      } else if (!viewOfAnotherJobsTable(written, contract.get())) {
        wrote.add(contract.get().id() + " by " + job);
      }
    }));
    assertEquals(List.of(), unknown, "written by a run but without a contract");
    Set<String> declared = new TreeSet<>();
    for (TableContract t : TableContract.all()) {
      t.writtenBy().forEach(job -> declared.add(t.id() + " by " + job));
    }
    assertEquals(declared, wrote);
  }

  /** The contract of what a job reports as written: {@code staged/<t>}, {@code cubes/<t>}, {@code quality/<t>}, {@code rejects/<source>}, {@code bdhvs.duckdb:<object>}. */
  private static Optional<TableContract> contractOf(String written) {
    if (written.startsWith(DuckDbWarehouse.FILE_NAME + ":")) {
      String object = written.substring(DuckDbWarehouse.FILE_NAME.length() + 1);
      return TableContract.all().stream().filter(t -> DuckDbWarehouse.objectOf(t).equals(Optional.of(object))).findFirst();
    }
    String[] parts = written.split("/", 2);
    return switch (parts[0]) {
      case "staged" -> Optional.of(TableContract.load("staged", parts[1]));
      case "cubes", "quality" -> Optional.of(TableContract.load("output", parts[1]));
      case "rejects" -> Optional.of(TableContract.load("output", "rejects"));
      default -> Optional.empty();
    };
  }

  // A view of bdhvs.duckdb over Parquet (or a copy of reference data): its rows' lineage is the writer's, not build_warehouse's.
  private static boolean viewOfAnotherJobsTable(String written, TableContract contract) {
    return written.startsWith(DuckDbWarehouse.FILE_NAME + ":") && !contract.kind().equals("warehouse");
  }
}
