package vn.haiphong.bdhvs.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.haiphong.bdhvs.job.Job;
import vn.haiphong.bdhvs.job.JobResult;

/**
 * {@code build_warehouse}: rebuilds {@code bdhvs.duckdb} over what the run wrote and swaps it in.
 * Its result lists every table and view of the file with its rows.
 */
public final class WarehouseJob implements Job<RunContext> {

  @Override
  public JobResult run(RunContext context) {
    Map<String, Long> written = new LinkedHashMap<>();
    // DuckDB reads local files without extensions; an HDFS or S3 warehouse gets no file from the
    // run — analysts build it locally over a local copy of the Parquet (DuckDbWarehouse.rebuild).
    Warehouse.localFolder(context.warehouse().root()).ifPresent(root -> {
      DuckDbWarehouse.Build build = new DuckDbWarehouse(root).rebuild(context.runId());
      build.rows().forEach((name, rows) -> written.put(DuckDbWarehouse.FILE_NAME + ":" + name, rows));
    });
    return new JobResult("warehouse", List.of(), written, Map.of());
  }

}
