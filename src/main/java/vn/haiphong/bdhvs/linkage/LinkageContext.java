package vn.haiphong.bdhvs.linkage;

import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.RunContext;

/**
 * What {@code link_persons} is given: the run, and the ledger, to hand the cubes the months whose
 * persons a merge or split moved.
 */
public record LinkageContext(RunContext run, Ledger ledger) {}
