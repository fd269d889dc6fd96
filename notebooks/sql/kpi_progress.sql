-- KPI progress of the whole city against the plans' 2025 and 2026 targets, month by month (the
-- latest month may be the month to date). One row per month and indicator that has a target; a
-- measured rate shares its reported twin's target (dim_indicator.target_code). status compares with
-- the target of target_year, as the cube does.
WITH city_targets AS (
  SELECT indicator_code,
         max(target_value) FILTER (WHERE year = 2025) AS target_2025,
         max(target_value) FILTER (WHERE year = 2026) AS target_2026
  FROM dim_plan_target
  WHERE scope = 'ALL'
  GROUP BY indicator_code
)
SELECT c.month,
       c.indicator_code,
       i.name_vi,
       i.target_code,
       i.basis,
       c.unit,
       c.value,
       t.target_2025,
       t.target_2026,
       greatest(t.target_2025 - c.value, 0) AS missing_to_2025,
       greatest(t.target_2026 - c.value, 0) AS missing_to_2026,
       c.target_year,
       c.status,
       c.is_provisional
FROM indicator_cube c
JOIN dim_indicator i ON i.code = c.indicator_code
JOIN city_targets t ON t.indicator_code = i.target_code
WHERE c.ward_code = 'ALL' AND c.target_group = 'ALL'
ORDER BY c.month, i.target_code, i.basis DESC;
