package vn.haiphong.bdhvs.warehouse;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;

/**
 * What every job of a run is given: the session, the run's identity and date, and the warehouse it
 * writes into (aside, until the run is published). The jobs that need no more take it alone
 * ({@code check_unit_reports}, {@code build_warehouse}, {@code write_report}); a stage that needs more
 * has a context of its own around it.
 */
public record RunContext(SparkSession spark, String runId, LocalDate runDate, Warehouse warehouse) {}
