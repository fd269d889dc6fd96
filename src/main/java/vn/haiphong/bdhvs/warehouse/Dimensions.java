package vn.haiphong.bdhvs.warehouse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import vn.haiphong.bdhvs.codes.DimensionMember;
import vn.haiphong.bdhvs.contract.Expectation;
import vn.haiphong.bdhvs.contract.TableContract;
import vn.haiphong.bdhvs.reference.ReferenceTable;
import vn.haiphong.bdhvs.reference.TargetGroup;
import vn.haiphong.bdhvs.reference.Ward;
import vn.haiphong.bdhvs.reference.WardDirectory;

/**
 * The rows of bdhvs.duckdb's small dimensions, made here once: the wards with the cube's rollup
 * member ALL and the bucket UNKNOWN, the target groups with ALL. The DuckDB build copies them
 * in, and a data test's {@code references} checks codes against them before the run publishes.
 */
final class Dimensions {
  private Dimensions() {}

  /** {@code dim_ward}'s rows, in its contract's column order. */
  static List<List<Object>> wards() {
    List<List<Object>> wards = new ArrayList<>();
    for (Ward w : WardDirectory.load().wards()) {
      wards.add(Arrays.asList(w.code(), w.name(), w.unitType(), w.population(), w.areaKm2()));
    }
    wards.add(Arrays.asList(DimensionMember.ALL, "Thành phố Hải Phòng", "city", null, null));
    wards.add(Arrays.asList(DimensionMember.UNKNOWN, "Không xác định", "unknown", null, null));
    return wards;
  }

  /** {@code dim_target_group}'s rows. */
  static List<List<Object>> targetGroups() {
    List<List<Object>> groups = new ArrayList<>();
    for (TargetGroup g : TargetGroup.values()) {
      groups.add(List.of(g.code(), g.labelVi()));
    }
    groups.add(List.of(DimensionMember.ALL, "Tất cả đối tượng"));
    return groups;
  }

  /**
   * The values of the column a {@code references} test names: a reference table's, as written in
   * {@code reference/}, or a dimension's above. Fails for any other table: a test may reference only
   * what is known before the run writes anything.
   */
  static Collection<String> values(Expectation.ReferencedColumn referenced) {
    if (referenced.kind().equals("reference")) {
      return ReferenceTable.load(referenced.table()).rows().stream().map(r -> r.text(referenced.column()))
          .filter(Objects::nonNull).distinct().toList();
    }
    List<List<Object>> rows = switch (referenced.kind() + "/" + referenced.table()) {
      case "warehouse/dim_ward" -> wards();
      case "warehouse/dim_target_group" -> targetGroups();
      default -> throw new IllegalArgumentException("a data test can reference a reference table or dim_ward or"
          + " dim_target_group, not " + referenced.kind() + "/" + referenced.table());
    };
    int index = TableContract.load(referenced.kind(), referenced.table()).columnNames().indexOf(referenced.column());
    return rows.stream().map(r -> r.get(index)).filter(Objects::nonNull).map(Object::toString).distinct().toList();
  }
}
