package vn.haiphong.bdhvs.quality;

import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.RunContext;

/**
 * What {@code check_unit_reports} is given: the run, and the ledger, which says what the published
 * quality flags were built from (and is told when they are rebuilt).
 */
public record QualityContext(RunContext run, Ledger ledger) {}
