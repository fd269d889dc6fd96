package vn.haiphong.bdhvs.ingest;

import vn.haiphong.bdhvs.identity.PersonKeys;
import vn.haiphong.bdhvs.landing.Landing;
import vn.haiphong.bdhvs.reference.CourseCatalog;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.RunContext;

/**
 * What an ingest job is given: the run, the landing's deliveries, the ledger of those the warehouse
 * holds (updated as the job reads new ones), the person keys, and the reference data its parsers
 * resolve against. The only context with the landing and the pseudonym key: what comes after ingest
 * reads staged rows, already pseudonymized.
 */
public record IngestContext(
    RunContext run,
    Landing landing,
    Ledger ledger,
    PersonKeys personKeys,
    WardDirectory wards,
    TargetGroupLabels targetGroups,
    CourseCatalog defaultCatalog,
    ReportingUnits reportingUnits) {}
