package vn.haiphong.bdhvs.ingest;

import vn.haiphong.bdhvs.codes.RejectReason;

/** A whole delivered file cannot be used; {@code detail} says what was found and what was expected. */
public class FileRejected extends Exception {
  private final RejectReason reason;

  public FileRejected(RejectReason reason, String detail) {
    super(detail, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
