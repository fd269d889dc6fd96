package vn.haiphong.bdhvs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import vn.haiphong.bdhvs.contract.Expectation;
import vn.haiphong.bdhvs.contract.TableContract;

/** Every {@code references} of the contracts resolves before any run: to a reference table or a dimension, never empty. */
class DataTestReferencesTest {
  @Test
  void everyReference_resolvesToTheCodesItNames() {
    for (TableContract t : TableContract.all()) {
      for (Expectation e : t.dataTests()) {
        if (e.kind() == Expectation.Kind.REFERENCES) {
          assertFalse(Dimensions.values(e.referenced()).isEmpty(), t.id() + " " + e.name());
        }
      }
    }
  }

  private static java.util.Set<String> accepted(String table, String column) {
    return java.util.Set.copyOf(TableContract.load("output", table).column(column).orElseThrow().accepted());
  }

  /** Code lists the contracts write out, pinned to where the code keeps them, so they cannot drift apart. */
  @Test
  void acceptedCodes_areTheCodesTheJobsWrite() {
    java.util.Set<String> landing = new java.util.HashSet<>(vn.haiphong.bdhvs.landing.Landing.SOURCES);
    landing.add("landing");
    assertEquals(landing, accepted("rejects", "source"));
    var catalog = vn.haiphong.bdhvs.reference.IndicatorCatalog.load().indicators();
    assertEquals(catalog.stream().map(i -> i.source()).collect(java.util.stream.Collectors.toSet()),
        accepted("source_months", "source"));
    assertTrue(accepted("indicator_cube", "unit").containsAll(
        catalog.stream().map(i -> i.unit()).collect(java.util.stream.Collectors.toSet())));
  }

  @Test
  void dimWard_holdsTheRollupAndUnknownBuckets_theCatalogItsCodes() {
    var wards = Dimensions.values(new Expectation.ReferencedColumn("warehouse", "dim_ward", "ward_code"));
    assertTrue(wards.contains("ALL") && wards.contains("UNKNOWN") && wards.contains("10507"), wards.toString());
    assertTrue(Dimensions.values(new Expectation.ReferencedColumn("reference", "indicators", "code"))
        .contains("PS_SKILLED_RATE"));
  }
}
