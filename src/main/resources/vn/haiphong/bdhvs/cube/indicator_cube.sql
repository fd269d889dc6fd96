-- The indicator cube's rows (docs/specification.md §6, contract schemas/output/indicator_cube.json): the dense values
-- with their status against the plan target and is_provisional.
-- Status (docs/specification.md §5): achieved at or above the target; else against the straight line from the year's
-- baseline (its first month with a value, January or later, possibly a published month before the
-- rebuilt ones: earlier_cube) to the target in December: on track on or above it, off track more
-- than 10 points below it, at risk between; no_target without a value or a target.
WITH with_earlier AS (
  SELECT month, year, month_of_year, ward_code, target_group, indicator_code, numerator, denominator, value, unit,
         source, target_value, false AS earlier
  FROM indicator_values
  UNION ALL
  SELECT month, CAST(substring(month, 1, 4) AS INT), CAST(substring(month, 6, 2) AS INT), ward_code, target_group,
         indicator_code, NULL, NULL, value, NULL, NULL, NULL, true
  FROM earlier_cube
),
baseline_months AS (
  SELECT *,
         min(CASE WHEN value IS NOT NULL THEN month_of_year END)
           OVER (PARTITION BY ward_code, target_group, indicator_code, year) AS baseline_month
  FROM with_earlier
),
baselines AS (
  SELECT *,
         max(CASE WHEN month_of_year = baseline_month THEN value END)
           OVER (PARTITION BY ward_code, target_group, indicator_code, year) AS baseline
  FROM baseline_months
),
trajectories AS (
  SELECT *,
         CASE WHEN baseline IS NULL OR baseline_month IS NULL OR baseline_month >= 12 THEN target_value
              ELSE baseline + (target_value - baseline) * (month_of_year - baseline_month)
                   / (CAST(12 AS DOUBLE) - baseline_month)
         END AS trajectory
  FROM baselines
  WHERE NOT earlier
),
-- Figures from unit reports are provisional while a report expected from the ward (or, for ALL, any) is missing.
missing AS (
  SELECT month, ward_code, received < expected AS reports_missing FROM reporting_counts
)
SELECT t.month, t.ward_code, t.target_group, t.indicator_code, t.numerator, t.denominator, t.value, t.unit,
       t.target_value,
       CASE WHEN t.target_value IS NOT NULL THEN t.year END AS target_year,
       CASE WHEN t.value IS NULL OR t.target_value IS NULL THEN 'no_target'
            WHEN t.value >= t.target_value THEN 'achieved'
            WHEN t.value >= t.trajectory THEN 'on_track'
            WHEN t.trajectory - t.value > 10 THEN 'off_track'
            ELSE 'at_risk' END AS status,
       t.source = 'unit-reports' AND coalesce(r.reports_missing, false) AS is_provisional,
       ${run_id} AS run_id
FROM trajectories t
LEFT JOIN missing r ON r.month = t.month AND r.ward_code = t.ward_code
