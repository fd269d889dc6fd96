package vn.haiphong.bdhvs.runtime;

import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.Warehouse;

/**
 * What every job of one run shares: the session, the run's identity and date, inputs, outputs
 * (written aside until the run is published), the ledger of the deliveries the warehouse holds
 * (updated as the run reads new ones) and reference data.
 */
public record JobContext(
    SparkSession spark,
    String runId,
    LocalDate runDate,
    Landing landing,
    Warehouse warehouse,
    Ledger ledger,
    PersonKeys personKeys,
    WardDirectory wards,
    TargetGroupLabels targetGroups,
    CourseCatalog defaultCatalog,
    ReportingUnits reportingUnits) {}
