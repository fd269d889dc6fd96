package vn.haiphong.bdhvs.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * One run of a DAG as Airflow's REST API shows it (v1 {@code DAGRun}, v2 {@code DAGRunResponse}).
 * {@code state} is queued, running, success or failed.
 */
public record DagRun(String runId, Instant logicalDate, String state) {

  static DagRun fromJson(JsonNode run) {
    // v1 of Airflow before 2.2 has only execution_date; v2 may have no logical date at all.
    JsonNode logical = run.hasNonNull("logical_date") ? run.get("logical_date") : run.path("execution_date");
    return new DagRun(run.path("dag_run_id").asText(),
        logical.isTextual() ? Instant.parse(logical.asText()) : null, run.path("state").asText());
  }

  /** success or failed: the run will not change any more. */
  public boolean finished() {
    return "success".equals(state) || "failed".equals(state);
  }

  public boolean succeeded() {
    return "success".equals(state);
  }

  /**
   * The bdhvs run date of this run: Airflow's {@code {{ ds }}}, the UTC date of the logical date,
   * which the DAG passes to {@code bdhvs run --date}.
   */
  public LocalDate runDate() {
    return logicalDate == null ? null : logicalDate.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
