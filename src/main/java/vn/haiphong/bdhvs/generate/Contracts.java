package vn.haiphong.bdhvs.generate;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import vn.haiphong.bdhvs.contract.TableContract;

/** The input data contracts, loaded once: every header the generator writes comes from them. */
final class Contracts {

  private static final Map<String, TableContract> LOADED = new ConcurrentHashMap<>();

  private Contracts() {
  }

  static TableContract of(String table) {
    return LOADED.computeIfAbsent(table, t -> TableContract.load("input", t));
  }

  /** A row in contract order, built by column name so sources never depend on column positions. */
  static final class Row {
    private final TableContract contract;
    private final String[] values;

    Row(String table) {
      this.contract = of(table);
      this.values = new String[contract.columns().size()];
    }

    Row set(String column, String value) {
      int i = contract.columnNames().indexOf(column);
      if (i < 0) {
        throw new IllegalArgumentException(contract.table() + " has no column " + column);
      }
      values[i] = value;
      return this;
    }

    java.util.List<String> values() {
      return java.util.Arrays.asList(values.clone());
    }
  }
}
