package vn.haiphong.bdhvs.ingest.telecom;

import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.VietText;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.reference.WardResolution;

/** One row of operator-&lt;name&gt;.csv → an operator's stations and coverage in a ward for a month. */
final class OperatorParser extends RecordParser<RecordFields> {
  private final WardDirectory wards;

  OperatorParser(WardDirectory wards) {
    super(parsedColumnsOf("telecom_operator"));
    this.wards = wards;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String month = f.requiredMonth("month", ExportValues::month).toString();
    WardResolution ward = wards.resolve(f.text("ward_code"));
    if (ward.flag() != null && f.text("ward_name") != null) {
      ward = wards.resolve(f.text("ward_name"));
    }
    f.flag(ward.flag());
    return new Object[] {
        month, ward.wardCode(), operator(f.text("operator"), file.path()),
        f.optionalCount("bts_4g"), f.optionalCount("bts_5g"),
        f.optionalPercent("coverage_4g_pct"), f.optionalPercent("coverage_5g_pct"),
        f.optionalDecimal("fiber_km"), f.optionalCount("fixed_broadband_subscriptions"),
        f.flags(), file.path(), file.folder()};
  }

  /** The operator as the file names it ({@code operator-viettel.csv} → viettel) unless the row says otherwise. */
  static String operator(String column, String path) {
    if (column != null) {
      return VietText.fold(column).replace(' ', '-');
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.substring("operator-".length(), name.length() - ".csv".length()).toLowerCase(java.util.Locale.ROOT);
  }
}
