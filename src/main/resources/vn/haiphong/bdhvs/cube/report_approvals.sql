-- Per month × ward (the report's) and ALL: the units whose current monthly report carries figures — the reports the
-- reported indicators rest on (facts/reports.sql) — and how many of those reports the city has approved. An approved
-- unit × period is locked on the version approved, which is then the current one (docs/specification.md §2.5).
-- Read by the cube's reporting_units, approved_units and is_provisional.
WITH month_reports AS (
  SELECT m.month, r.ward_code, upper(trim(r.unit_code)) AS unit_code, coalesce(r.is_approved, false) AS is_approved
  FROM staged_unit_reports r
  JOIN months m ON r.period = m.month
  WHERE r.is_current AND r.period_type = 'month' AND r.metric_count > 0
),
counts AS (
  SELECT month, ward_code, grouping(ward_code) AS city, count(DISTINCT unit_code) AS reporting_units,
         count(DISTINCT CASE WHEN is_approved THEN unit_code END) AS approved_units
  FROM month_reports
  GROUP BY GROUPING SETS ((month, ward_code), (month))
)
-- A city department's report (no ward) counts in ALL only.
SELECT month, CASE WHEN city = 1 THEN ${all} ELSE ward_code END AS ward_code, reporting_units, approved_units
FROM counts
WHERE city = 1 OR ward_code IS NOT NULL
