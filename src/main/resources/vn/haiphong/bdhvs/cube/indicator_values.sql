-- The indicator cube made dense: every cell of every month (cells: per indicator, the wards and
-- target groups of its breakdown), its facts merged from every family, valued by unit and with the
-- plan milestone in force for the month's year (reference.PlanTargets: the ward's own, else the city's; the
-- stricter of two plans; else the next year's) and where its line starts.
-- A cell whose source is not complete for the month (source_months) has no figure: null, never 0.
WITH facts AS (
  ${facts}
),
merged AS (
  SELECT month, ward_code, target_group, indicator_code, max(numerator) AS numerator,
         max(denominator) AS denominator
  FROM facts
  GROUP BY month, ward_code, target_group, indicator_code
),
-- Counts of persons, wards and reports are 0 where nothing was seen in a complete month; reported figures and
-- speeds stay null.
dense AS (
  SELECT m.month, m.year, m.month_of_year, c.ward_code, c.target_group, c.indicator_code, c.unit, c.source,
         c.basis, s.is_complete,
         CASE WHEN NOT s.is_complete THEN NULL
              WHEN c.unit <> 'mbps' AND (c.basis = 'measured' OR c.breakdown = ${city_only})
              THEN coalesce(f.numerator, CAST(0 AS DOUBLE)) ELSE f.numerator END AS numerator,
         CASE WHEN s.is_complete THEN f.denominator END AS denominator
  FROM cells c
  CROSS JOIN months m
  JOIN source_months s ON s.month = m.month AND s.source = c.source
  LEFT JOIN merged f ON f.month = m.month AND f.ward_code = c.ward_code AND f.target_group = c.target_group
    AND f.indicator_code = c.indicator_code
)
-- Rates divide the aggregated numerator by the aggregated denominator; a mean in Mbps keeps only
-- itself, from a numerator in kbps weighted by the denominator.
SELECT d.month, d.year, d.month_of_year, d.ward_code, d.target_group, d.indicator_code, d.unit, d.source,
       d.basis, d.is_complete,
       CASE WHEN d.unit <> 'mbps' THEN d.numerator END AS numerator,
       CASE WHEN d.unit <> 'mbps' THEN d.denominator END AS denominator,
       CASE WHEN d.unit = 'count' THEN d.numerator
            WHEN d.denominator > 0 AND d.unit = 'percent' THEN d.numerator / d.denominator * 100
            WHEN d.denominator > 0 AND d.unit = 'ratio' THEN d.numerator / d.denominator
            WHEN d.denominator > 0 AND d.unit = 'mbps' THEN d.numerator / d.denominator / ${kbps_per_mbps}
       END AS value,
       t.target_value, t.target_year, t.target_plan_id, t.baseline_value, t.start_year, t.start_month_of_year
FROM dense d
LEFT JOIN targets t ON t.indicator_code = d.indicator_code AND t.year = d.year AND t.ward_code = d.ward_code
