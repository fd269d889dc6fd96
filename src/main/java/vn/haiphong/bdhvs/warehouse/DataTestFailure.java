package vn.haiphong.bdhvs.warehouse;

/**
 * A data test of severity error failed on a table the run wrote: the run stops and publishes
 * nothing (exit 1, as a table that breaks its contract or its key). The message names each table,
 * test, failing rows and one example key.
 */
public final class DataTestFailure extends IllegalStateException {
  public DataTestFailure(String message) {
    super(message);
  }
}
