package vn.haiphong.bdhvs.ingest.reports;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import vn.haiphong.bdhvs.warehouse.CodeVersion;

/**
 * The versions every unit × period holds (their submission instants, version 1 first): what an
 * approval may decide on. Approvals are parsed against it, so it is part of their fingerprint: a
 * new version re-reads the approvals, and one that named a version not yet held finds it then.
 */
final class ReportVersions implements Serializable {
  /** "UNIT|period_type|period" → the submission instants, by version. */
  private final TreeMap<String, List<Instant>> byKey;

  ReportVersions(Map<String, List<Instant>> byKey) {
    this.byKey = new TreeMap<>(byKey);
  }

  /** From {@code versioned}, the unit reports numbered by {@link UnitReportIngest#withVersions}. */
  static ReportVersions of(Dataset<Row> versioned) {
    Map<String, List<Instant>> byKey = new TreeMap<>();
    for (Row r : versioned.select(col("unit_code"), col("period_type"), col("period"), col("version"),
        col("submitted_at")).orderBy(col("version")).collectAsList()) {
      List<Instant> versions = byKey.computeIfAbsent(key(r.getString(0), r.getString(1), r.getString(2)),
          k -> new ArrayList<>());
      if (versions.size() < r.getInt(3)) {
        versions.add(r.getTimestamp(4).toInstant());
      }
    }
    return new ReportVersions(byKey);
  }

  /** A decided version: its number and when it was submitted. */
  record Version(int number, Instant submittedAt) {
    Timestamp submittedAtTimestamp() {
      return Timestamp.from(submittedAt);
    }
  }

  /**
   * The version an approval decides on: {@code number} when given, else the one submitted at
   * {@code submittedAt} when given, else the latest submitted by {@code decidedAt} (what the
   * approver saw). Empty when the unit × period holds no such version.
   */
  Optional<Version> resolve(String unitCode, ReportPeriod period, Integer number, Instant submittedAt,
      Instant decidedAt) {
    List<Instant> versions = byKey.getOrDefault(key(unitCode, period.type(), period.label()), List.of());
    if (number != null) {
      return number >= 1 && number <= versions.size()
          ? Optional.of(new Version(number, versions.get(number - 1))) : Optional.empty();
    }
    Version found = null;
    for (int i = 0; i < versions.size(); i++) {
      Instant at = versions.get(i);
      if (submittedAt != null ? at.equals(submittedAt) : !at.isAfter(decidedAt)) {
        found = new Version(i + 1, at);
      }
    }
    return Optional.ofNullable(found);
  }

  /** How many versions a unit × period holds, for a reject's message. */
  int count(String unitCode, ReportPeriod period) {
    return byKey.getOrDefault(key(unitCode, period.type(), period.label()), List.of()).size();
  }

  /** Changes when any version is added, removed or moved. */
  String fingerprint() {
    return CodeVersion.sha256(byKey.toString()).substring(0, 16);
  }

  /** Unit codes are typed by hand: matched trimmed and in upper case, as the cube matches them. */
  static String key(String unitCode, String periodType, String period) {
    return unitCode.strip().toUpperCase(Locale.ROOT) + "|" + periodType + "|" + period;
  }
}
