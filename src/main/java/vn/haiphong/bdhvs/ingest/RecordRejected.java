package vn.haiphong.bdhvs.ingest;

import vn.haiphong.bdhvs.codes.RejectReason;

/** One record cannot be used; {@code detail} names the column and what was expected (never the value of a PII column). */
public final class RecordRejected extends Exception {
  private final RejectReason reason;

  public RecordRejected(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
