package vn.haiphong.bdhvs.warehouse;

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

  @Test
  void dimWard_holdsTheRollupAndUnknownBuckets_theCatalogItsCodes() {
    var wards = Dimensions.values(new Expectation.ReferencedColumn("warehouse", "dim_ward", "ward_code"));
    assertTrue(wards.contains("ALL") && wards.contains("UNKNOWN") && wards.contains("10507"), wards.toString());
    assertTrue(Dimensions.values(new Expectation.ReferencedColumn("reference", "indicators", "code"))
        .contains("PS_SKILLED_RATE"));
  }
}
