package vn.haiphong.bdhvs.generate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.haiphong.bdhvs.contract.TableContract;

/** The input data contracts, loaded once: every header the generator writes comes from them. */
final class Contracts {

  private static final Map<String, TableContract> LOADED = new ConcurrentHashMap<>();
  private static final Map<String, Map<String, Integer>> POSITIONS = new ConcurrentHashMap<>();

  private Contracts() {
  }

  static TableContract of(String table) {
    return LOADED.computeIfAbsent(table, t -> TableContract.load("input", t));
  }

  private static Map<String, Integer> positions(String table) {
    return POSITIONS.computeIfAbsent(table, t -> {
      Map<String, Integer> m = new java.util.HashMap<>();
      java.util.List<String> names = of(t).columnNames();
      for (int i = 0; i < names.size(); i++) {
        m.put(names.get(i), i);
      }
      return m;
    });
  }

  /** A row in contract order, built by column name so sources never depend on column positions. */
  static final class Row {
    private final String table;
    private final Map<String, Integer> positions;
    private final String[] values;

    Row(String table) {
      this.table = table;
      this.positions = positions(table);
      this.values = new String[positions.size()];
    }

    Row set(String column, String value) {
      Integer i = positions.get(column);
      if (i == null) {
        throw new IllegalArgumentException(table + " has no column " + column);
      }
      values[i] = value;
      return this;
    }

    java.util.List<String> values() {
      return java.util.Arrays.asList(values);
    }
  }
}
