-- Facts "reporting": DHIS2's reporting rates per ward and ALL.
--   numerator_sql, denominator_sql: aggregates over the reporting counts (expected, received,
--   timely) of the month and ward.
WITH family AS (
  SELECT indicator_code FROM indicators WHERE facts = 'reporting'
)
SELECT c.month, c.ward_code, ${all} AS target_group, f.indicator_code,
       CAST(${numerator} AS DOUBLE) AS numerator, CAST(${denominator} AS DOUBLE) AS denominator
FROM reporting_counts c
CROSS JOIN family f
GROUP BY c.month, c.ward_code, f.indicator_code
