-- Facts "person_wards": city figures over the persons facts, per month.
--   numerator_sql, denominator_sql: aggregates over person_counts (ward_code, target_group, counted —
--   the persons indicator counted — and persons) of the month.
WITH person_counts AS (
  SELECT month, ward_code, target_group, indicator_code AS counted, numerator AS persons
  FROM persons_facts
  WHERE numerator IS NOT NULL
),
family AS (
  SELECT indicator_code FROM indicators WHERE facts = 'person_wards'
)
SELECT c.month, ${all} AS ward_code, ${all} AS target_group, f.indicator_code,
       CAST(${numerator} AS DOUBLE) AS numerator, CAST(${denominator} AS DOUBLE) AS denominator
FROM person_counts c
CROSS JOIN family f
GROUP BY c.month, f.indicator_code
