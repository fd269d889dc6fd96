package vn.haiphong.bdhvs.generate;

/** The data-quality flags a kept row will carry, recorded on its file's ledger entry. */
final class Flags {

  private Flags() {
  }

  static void record(ExpectedLedger.FileEntry entry, WardFields.WardField ward, TargetGroupFields.LabelField group) {
    if (ward != null && ward.flag() != null) {
      entry.flag(ward.flag());
    }
    if (group != null && group.flag() != null) {
      entry.flag(group.flag());
    }
  }
}
