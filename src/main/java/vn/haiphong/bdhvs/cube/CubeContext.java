package vn.haiphong.bdhvs.cube;

import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.warehouse.Ledger;
import vn.haiphong.bdhvs.warehouse.RunContext;

/**
 * What {@code build_cubes} is given: the run; the ledger, which says from which month the figures
 * changed and what the cubes were built with (and is told when they are rebuilt); and the wards and
 * reporting units the cubes are broken down by.
 */
public record CubeContext(RunContext run, Ledger ledger, WardDirectory wards, ReportingUnits reportingUnits) {}
