package vn.haiphong.bdhvs.ingest.telecom;

import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.ingest.RecordParser;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.UnexpectedValue;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.reference.WardResolution;

/** One row of speedtest.csv → a ward's speed-test aggregate for a month and network type. */
final class SpeedtestParser extends RecordParser<RecordFields> {
  private final WardDirectory wards;

  SpeedtestParser(WardDirectory wards) {
    super(parsedColumnsOf("telecom_speedtest"));
    this.wards = wards;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String month = f.requiredMonth("month", ExportValues::isoMonth).toString();
    String network = f.required("network_type", SpeedtestParser::networkType, RejectReason.BAD_VALUE);
    WardResolution ward = wards.resolve(f.text("ward_code"));
    f.flag(ward.flag());
    return new Object[] {
        month, ward.wardCode(), network,
        f.optionalDecimal("avg_d_kbps"), f.optionalDecimal("avg_u_kbps"),
        f.optionalDecimal("avg_lat_ms"), f.optionalCount("tests"), f.optionalCount("devices"),
        f.flags(), file.path(), file.folder()};
  }

  private static String networkType(String v) {
    String t = v.trim().toLowerCase(java.util.Locale.ROOT);
    if (!t.equals("fixed") && !t.equals("mobile")) {
      throw new UnexpectedValue("fixed or mobile", v);
    }
    return t;
  }
}
