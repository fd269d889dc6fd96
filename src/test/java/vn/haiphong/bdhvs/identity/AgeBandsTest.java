package vn.haiphong.bdhvs.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgeBandsTest {

  @ParameterizedTest
  @CsvSource({"2015,<16", "2010,<16", "2009,16-24", "2001,16-24", "2000,25-34", "1991,25-34", "1990,35-44", "1981,35-44",
      "1980,45-59", "1966,45-59", "1965,60+", "1930,60+", "2030,unknown", "1800,unknown"})
  void band_byAgeReachedInTheYear(int birthYear, String band) {
    assertEquals(band, AgeBands.band(birthYear, 2025));
  }

  @Test
  void band_missingBirthYearIsUnknown() {
    assertEquals("unknown", AgeBands.band(null, 2025));
  }
}
