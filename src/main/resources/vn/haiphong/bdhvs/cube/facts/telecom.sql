-- Facts "telecom": the operators' and speed tests' monthly figures per ward and ALL (a row without a
-- ward counts in ALL only).
--   numerator_sql, denominator_sql: aggregates over the month's telecom_rows (below): file
--   ('operator' or 'speedtest'), ward_code, the operator files' bts_4g, bts_5g, coverage_4g_pct and
--   the speed tests' network_type, avg_d_kbps, avg_u_kbps, tests. A mean in Mbps is
--   numerator / denominator / 1000 (the cube's unit mbps).
WITH telecom_rows AS (
  SELECT 'operator' AS file, month, ward_code, bts_4g, bts_5g, coverage_4g_pct,
         CAST(NULL AS STRING) AS network_type, CAST(NULL AS DOUBLE) AS avg_d_kbps,
         CAST(NULL AS DOUBLE) AS avg_u_kbps, CAST(NULL AS BIGINT) AS tests
  FROM staged_telecom_operator
  UNION ALL
  SELECT 'speedtest', month, ward_code, NULL, NULL, NULL, network_type, avg_d_kbps, avg_u_kbps, tests
  FROM staged_telecom_speedtest
),
family AS (
  SELECT indicator_code FROM indicators WHERE facts = 'telecom'
),
sums AS (
  SELECT t.month, f.indicator_code, t.ward_code, grouping(t.ward_code) AS city,
         ${numerator} AS numerator, ${denominator} AS denominator
  FROM telecom_rows t
  JOIN months m ON m.month = t.month
  CROSS JOIN family f
  GROUP BY GROUPING SETS ((t.month, f.indicator_code, t.ward_code), (t.month, f.indicator_code))
)
SELECT month, CASE WHEN city = 1 THEN ${all} ELSE ward_code END AS ward_code, ${all} AS target_group,
       indicator_code, CAST(numerator AS DOUBLE) AS numerator, CAST(denominator AS DOUBLE) AS denominator
FROM sums
WHERE city = 1 OR ward_code IS NOT NULL
