package vn.haiphong.bdhvs.ingest.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import vn.haiphong.bdhvs.codes.QualityFlag;
import vn.haiphong.bdhvs.codes.RejectReason;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.ingest.FileParser;
import vn.haiphong.bdhvs.ingest.FileRejected;
import vn.haiphong.bdhvs.ingest.JsonErrors;
import vn.haiphong.bdhvs.ingest.ParsedRows;
import vn.haiphong.bdhvs.ingest.RecordFields;
import vn.haiphong.bdhvs.ingest.RecordRejected;
import vn.haiphong.bdhvs.ingest.StrictJson;
import vn.haiphong.bdhvs.ingest.Utf8Text;
import vn.haiphong.bdhvs.ingest.ExportValues;
import vn.haiphong.bdhvs.landing.Delivery;
import vn.haiphong.bdhvs.reference.IndicatorCatalog;
import vn.haiphong.bdhvs.reference.ReportMetrics;
import vn.haiphong.bdhvs.reference.ReportingUnit;
import vn.haiphong.bdhvs.reference.ReportingUnits;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.TargetGroupLabels;
import vn.haiphong.bdhvs.reference.WardDirectory;
import vn.haiphong.bdhvs.reference.WardResolution;

/**
 * One report document (a whole file is one record, docs/specification.md §2.5) → a report row carrying its
 * metrics. Notes are kept as untrusted text, cut at {@link #MAX_NOTES} characters.
 */
final class UnitReportParser implements FileParser {
  static final int MAX_NOTES = 4096;
  static final StructType METRIC = new StructType()
      .add("metric_code", DataTypes.StringType, true)
      .add("target_group", DataTypes.StringType, true)
      .add("value", DataTypes.DoubleType, true);
  static final StructType SCHEMA = TableContract.load("staged", "unit_reports").parsedSchema()
      .add("metrics", new ArrayType(METRIC, false), true);
  private static final TableContract INPUT = TableContract.load("input", "unit_reports");
  private static final Map<String, Set<String>> TOTALS = ReportMetrics.load().totalsOfShares(IndicatorCatalog.load());

  private final ReportingUnits units;
  private final WardDirectory wards;
  private final TargetGroupLabels groups;

  UnitReportParser(ReportingUnits units, WardDirectory wards, TargetGroupLabels groups) {
    this.units = units;
    this.wards = wards;
    this.groups = groups;
  }

  @Override
  public StructType schema() {
    return SCHEMA;
  }

  @Override
  public void parse(Delivery file, byte[] content, ParsedRows.Sink out) {
    try {
      out.accept(1, document(read(content), file));
    } catch (FileRejected e) {
      out.rejectFile(e.reason(), e.getMessage(), 1);
    } catch (RecordRejected e) {
      out.rejectFile(e.reason(), e.getMessage(), 1);
    }
  }

  private static JsonNode read(byte[] content) throws FileRejected {
    String text = Utf8Text.decode(content);
    if (text.isBlank()) {
      throw new FileRejected(RejectReason.FILE_EMPTY, "the file is empty; expected one JSON report document");
    }
    try {
      JsonNode doc = StrictJson.read(text);
      if (doc == null || !doc.isObject()) {
        throw new FileRejected(RejectReason.FILE_INVALID_JSON,
            "expected one JSON object {\"unit_code\": …, \"period\": …}, found " + (doc == null ? "nothing" : doc.getNodeType()));
      }
      return doc;
    } catch (JsonProcessingException e) {
      throw new FileRejected(RejectReason.FILE_INVALID_JSON,
          JsonErrors.describe(e) + "; expected one JSON report document");
    }
  }

  private Object[] document(JsonNode doc, Delivery file) throws RecordRejected {
    RecordFields f = new RecordFields(INPUT, name -> {
      JsonNode v = doc.get(name);
      return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    });
    String unitCode = f.required("unit_code");
    String periodText = f.required("period");
    String periodType = f.required("period_type");
    ReportPeriod period = f.required("period", p -> ReportPeriod.parse(periodType, p), RejectReason.BAD_PERIOD);
    f.requirePlausible("period", period.start());
    f.requirePlausible("period", period.end());
    OffsetDateTime submitted = f.requiredIsoTimestamp("submitted_at");
    LocalDate submittedLocal = submitted.atZoneSameInstant(ExportValues.LOCAL_ZONE).toLocalDate();
    ReportingUnit unit = units.byCode(unitCode).orElse(null);
    if (unit == null) {
      f.flag(QualityFlag.UNIT_UNKNOWN.code());
    }
    String ward = ward(f, unit);
    String notes = f.text("notes");
    if (notes != null && notes.length() > MAX_NOTES) {
      notes = notes.substring(0, MAX_NOTES);
      f.flag(QualityFlag.BAD_VALUE.code() + ":notes");
    }
    List<Row> metrics = metrics(doc.get("metrics"), f);
    return new Object[] {
        text(doc, "report_id"), unitCode, unit == null ? null : unit.kind(), ward,
        period.label(), period.type(), Date.valueOf(period.start()), Date.valueOf(period.end()),
        Timestamp.from(submitted.toInstant()), Date.valueOf(submittedLocal),
        period.onTime(submittedLocal), f.optionalCount("schema_version"), notes, metrics.size(),
        f.flags(), file.path(), file.folder(), metrics.toArray()};
  }

  /** The given ward, else the unit's ward; a city department has none (null), which is not a flaw. */
  private String ward(RecordFields f, ReportingUnit unit) {
    String given = f.text("ward");
    if (given == null) {
      // An unknown unit is flagged as such; its missing ward adds nothing to that.
      return unit == null ? null : unit.wardCode();
    }
    WardResolution w = wards.resolve(given);
    if (w.flag() != null && unit != null && unit.wardCode() != null) {
      return unit.wardCode();
    }
    f.flag(w.flag());
    return w.wardCode();
  }

  /**
   * The metrics a report gives, one row each. A value that is not a number is flagged and left
   * out; a number no count can be (negative, infinite) or a metric given twice rejects the report,
   * whose figures cannot be trusted then. A count above its own total is kept and flagged.
   */
  private List<Row> metrics(JsonNode node, RecordFields f) throws RecordRejected {
    List<Row> rows = new ArrayList<>();
    if (node == null || node.isNull()) {
      return rows;
    }
    if (!node.isArray()) {
      f.flag(QualityFlag.BAD_VALUE.code() + ":metrics");
      return rows;
    }
    for (JsonNode m : node) {
      String code = m.path("code").asText(null);
      Double value = null;
      JsonNode v = m.get("value");
      if (code != null && v != null && v.isNumber()) {
        value = count(code, v.asDouble(), v.asText());
      } else if (code != null && v != null && v.isTextual()) {
        try {
          value = count(code, ExportValues.decimal(v.asText()), v.asText());
        } catch (IllegalArgumentException e) {
          // not a number: flagged below, like a missing value
        }
      }
      if (code == null || value == null) {
        f.flag(QualityFlag.BAD_VALUE.code() + ":metrics");
        continue;
      }
      String group = targetGroup(m.path("target_group").asText(null), f);
      if (rows.stream().anyMatch(r -> code.equals(r.getString(0)) && Objects.equals(group, r.getString(1)))) {
        throw new RecordRejected(RejectReason.BAD_VALUE, "metric '" + code + "'" + (group == null ? "" : " of group '"
            + group + "'") + " is given twice; expected each metric once");
      }
      rows.add(RowFactory.create(code, group, value));
    }
    flagCountsAboveTheirTotal(rows, f);
    return rows;
  }

  private static double count(String code, double value, String text) throws RecordRejected {
    if (!Double.isFinite(value) || value < 0) {
      throw new RecordRejected(RejectReason.BAD_VALUE, "metric '" + code + "': expected a count of 0 or more, found '"
          + text + "'");
    }
    return value;
  }

  /** {@code count_above_total:<metric>}: a share's numerator above its denominator (reference/report_metrics.csv). */
  private static void flagCountsAboveTheirTotal(List<Row> rows, RecordFields f) {
    Map<String, Double> sums = new HashMap<>();
    rows.forEach(r -> sums.merge(r.getString(0).toLowerCase(java.util.Locale.ROOT), r.getDouble(2), Double::sum));
    TOTALS.forEach((numerator, totals) -> {
      for (String total : totals) {
        if (sums.containsKey(numerator) && sums.containsKey(total) && sums.get(numerator) > sums.get(total)) {
          f.flag(QualityFlag.COUNT_ABOVE_TOTAL.code() + ":" + numerator);
        }
      }
    });
  }

  private String targetGroup(String given, RecordFields f) {
    if (given == null || given.isBlank()) {
      return null;
    }
    for (TargetGroup g : TargetGroup.values()) {
      if (g.code().equals(given.trim())) {
        return g.code();
      }
    }
    var resolved = groups.resolve(given);
    f.flag(resolved.flag());
    return resolved.code();
  }

  private static String text(JsonNode doc, String field) {
    JsonNode v = doc.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
