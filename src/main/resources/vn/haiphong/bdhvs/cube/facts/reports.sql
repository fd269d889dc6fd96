-- Facts "reports": the month's current monthly unit reports, per ward and ALL (every report, a city
-- department's included), summed first and divided later.
--   numerator_sql, denominator_sql: aggregates over the metric values of the indicator
--   (reference/report_metrics.csv): role (numerator or denominator), value, unit_code (trimmed,
--   upper case) and ward_unit (the unit is a ward's own).
WITH month_reports AS (
  SELECT m.month, r.ward_code, upper(trim(r.unit_code)) AS unit_code, r.metric_code, r.value
  FROM staged_unit_report_metrics r
  JOIN months m ON r.period = m.month
  WHERE r.is_current AND r.period_type = 'month'
),
report_values AS (
  SELECT r.month, r.ward_code, r.unit_code, u.unit_code IS NOT NULL AS ward_unit, o.indicator_code, o.role, r.value
  FROM month_reports r
  JOIN metric_roles o ON o.metric_code = r.metric_code
  LEFT JOIN (SELECT DISTINCT unit_code FROM reporting_units WHERE kind = 'ward') u ON u.unit_code = r.unit_code
),
sums AS (
  SELECT month, indicator_code, ward_code, grouping(ward_code) AS city,
         ${numerator} AS numerator, ${denominator} AS denominator
  FROM report_values
  GROUP BY GROUPING SETS ((month, indicator_code, ward_code), (month, indicator_code))
)
SELECT month, CASE WHEN city = 1 THEN ${all} ELSE ward_code END AS ward_code, ${all} AS target_group,
       indicator_code, CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS DOUBLE) AS denominator
FROM sums
WHERE city = 1 OR ward_code IS NOT NULL
