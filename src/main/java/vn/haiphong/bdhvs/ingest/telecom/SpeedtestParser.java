package vn.haiphong.bdhvs.ingest.telecom;

import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.CsvRowParser;
import vn.haiphong.bdhvs.ingest.Delivery;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.RejectReason;
import vn.haiphong.bdhvs.ingest.VietFormats;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.reference.WardResolution;

/** One row of speedtest.csv → a ward's speed-test aggregate for a month and network type. */
final class SpeedtestParser implements CsvRowParser {
  static final StructType SCHEMA = TableContract.load("staged", "telecom_speedtest").parsedSchema();
  private final WardDirectory wards;

  SpeedtestParser(WardDirectory wards) {
    this.wards = wards;
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public Object[] parse(RecordFields f, Delivery file) throws RecordRejected {
    String month = f.requiredMonth("month", VietFormats::isoMonth).toString();
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
      throw new IllegalArgumentException("expected fixed or mobile, found '" + v + "'");
    }
    return t;
  }
}
