package vn.haiphong.bdhvs.report;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every ward's figures of one month (target group ALL), by ward code then indicator code. */
final class WardFigures {
  private final Map<String, Map<String, CubeRow>> byWard = new HashMap<>();

  WardFigures(List<CubeRow> wardRows) {
    for (CubeRow row : wardRows) {
      byWard.computeIfAbsent(row.wardCode(), k -> new HashMap<>()).put(row.indicatorCode(), row);
    }
  }

  CubeRow at(String wardCode, String indicatorCode) {
    return byWard.getOrDefault(wardCode, Map.of()).get(indicatorCode);
  }

  /** The ward's rows of the month, one per indicator; empty for a ward without any. */
  java.util.Collection<CubeRow> rows(String wardCode) {
    return byWard.getOrDefault(wardCode, Map.of()).values();
  }

  Double value(String wardCode, String indicatorCode) {
    CubeRow row = at(wardCode, indicatorCode);
    return row == null ? null : row.value();
  }

  /** The indicator's value in every ward that has one. */
  Map<String, Double> values(String indicatorCode) {
    Map<String, Double> values = new HashMap<>();
    byWard.forEach((ward, rows) -> {
      CubeRow row = rows.get(indicatorCode);
      if (row != null && row.value() != null) {
        values.put(ward, row.value());
      }
    });
    return values;
  }
}
