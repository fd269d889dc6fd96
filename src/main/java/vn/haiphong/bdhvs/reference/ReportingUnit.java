package vn.haiphong.bdhvs.reference;

import java.io.Serializable;
import java.util.List;

/** A unit expected to submit unit reports: {@code kind} is department, ward or school; {@code wardCode} is null for departments. */
public record ReportingUnit(String code, String name, String kind, String wardCode, List<String> expectedPeriodTypes)
    implements Serializable {

  public ReportingUnit {
    expectedPeriodTypes = List.copyOf(expectedPeriodTypes);
  }
}
