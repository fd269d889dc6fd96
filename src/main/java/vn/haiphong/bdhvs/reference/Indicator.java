package vn.haiphong.bdhvs.reference;

import java.io.Serializable;

/**
 * One indicator of the catalog (docs/specification.md §5). {@code breakdown} says which rows the dense cube holds:
 * {@code ward_target_group} (every ward × every target group), {@code ward} (every ward, target
 * group ALL) or {@code city} (ALL × ALL). {@code targetCode} names the indicator whose plan
 * targets apply (a measured rate shares its reported twin's target); null when none. Its formulas
 * ({@code numeratorSql}, {@code denominatorSql}, null when none) are SQL in the dialect of the cube's
 * family of facts {@code facts} (cube/facts/&lt;facts&gt;.sql), which both engines run. {@code leadUnit} is the unit in
 * charge ("Đơn vị chủ trì").
 */
public record Indicator(String code, String nameVi, String definitionVi, String unit,
    String numerator, String denominator, String source, String plan, String breakdown,
    String basis, String targetCode, String facts, String numeratorSql, String denominatorSql, String leadUnit)
    implements Serializable {

  public static final String BY_WARD_AND_GROUP = "ward_target_group";
  public static final String BY_WARD = "ward";
  public static final String CITY_ONLY = "city";

  /**
   * Whether the denominator is a population estimate (reference/population_denominators.csv, is_estimate: a
   * group's share of a ward's published population), so the figure is an estimate too ("ước tính").
   */
  public boolean hasEstimatedDenominator() {
    return denominator != null && denominator.contains("population denominators");
  }
}
