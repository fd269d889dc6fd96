package vn.haiphong.bdhvs.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationDenominatorsTest {

  private static final WardDirectory WARDS = WardDirectory.load();
  private static final List<PopulationDenominator> DERIVED = PopulationDenominators.derive(WARDS.wards());

  @Test
  void committedFile_isExactlyTheDerivation() throws IOException {
    String committed = Files.readString(Path.of("reference/population_denominators.csv"), StandardCharsets.UTF_8);
    assertEquals(PopulationDenominators.toCsv(DERIVED), committed,
        "reference/population_denominators.csv is stale: rerun PopulationDenominators (see reference/README.md)");
  }

  @Test
  void load_givesTheDerivedRows() {
    assertEquals(DERIVED, PopulationDenominators.load().rows());
  }

  @Test
  void derive_wardPopulationsAddUpToTheOfficialCityTotal() {
    long total = DERIVED.stream().filter(d -> d.year() == 2025 && d.measure().equals("population"))
        .mapToLong(PopulationDenominator::value).sum();
    assertEquals(PopulationDenominators.CITY_POPULATION, total);
  }

  @Test
  void derive_publishedPopulationIsKeptAndNotAnEstimate() {
    Ward published = WARDS.wards().stream().filter(w -> w.population() != null).findFirst().orElseThrow();
    PopulationDenominator row = DERIVED.stream()
        .filter(d -> d.wardCode().equals(published.code()) && d.year() == 2025 && d.measure().equals("population"))
        .findFirst().orElseThrow();
    assertEquals(published.population(), row.value());
    assertFalse(row.isEstimate());
  }

  @Test
  void derive_blankPopulationIsEstimatedAndPositive() {
    WARDS.wards().stream().filter(w -> w.population() == null).forEach(w -> {
      PopulationDenominator row = PopulationDenominators.load().find(w.code(), 2025, "population").orElseThrow();
      assertTrue(row.isEstimate());
      assertTrue(row.value() > 0);
    });
  }

  @Test
  void derive_everyWardYearAndMeasure() {
    assertEquals(114 * 2 * 8, DERIVED.size());
  }

  @Test
  void derive_onlyPublishedPopulationsAreNotEstimates() {
    long notEstimates = DERIVED.stream().filter(d -> !d.isEstimate()).count();
    assertEquals(WARDS.wards().stream().filter(w -> w.population() != null).count(), notEstimates);
  }
}
