-- The indicator cube's rows (docs/specification.md §6, contract schemas/output/indicator_cube.json): the dense values
-- with their status against the plan target and is_provisional. The status rule of docs/specification.md §5, here
-- and nowhere else:
--   no_data     a target exists and the value does not (source not complete, no report, no denominator);
--   check_data  the value is impossible: a rate (unit percent) outside 0-100 or its numerator above its
--               denominator. Never achieved;
--   no_target   no plan sets a target for the month's year or a later one;
--   achieved    the value reaches the target;
--   on_track    the value is at or above the trajectory: the straight line from the previous target (at the end
--               of its year), else from the plan's start (the start of its start month, at its baseline, else 0),
--               to the target at the end of the target year — the month's year, or the next year with a target;
--   off_track   below the trajectory by more than the margin: 10 points for a rate, 10 % of the target for a
--               ratio or a count;
--   at_risk     below it by the margin or less.
WITH trajectories AS (
  SELECT *,
         -- months of the line gone by at the end of this month, and months from its start to the end of the target year
         least(greatest((year - start_year) * 12 + month_of_year - start_month_of_year + 1, 0),
               (target_year - start_year) * 12 + 13 - start_month_of_year) AS months_gone,
         (target_year - start_year) * 12 + 13 - start_month_of_year AS months_planned,
         CASE WHEN unit = 'percent' THEN CAST(10 AS DOUBLE) ELSE 0.1 * target_value END AS margin
  FROM indicator_values
),
statuses AS (
  SELECT *,
         CASE WHEN months_planned <= 0 THEN target_value
              ELSE baseline_value + (target_value - baseline_value) * months_gone / CAST(months_planned AS DOUBLE)
         END AS trajectory
  FROM trajectories
),
-- Figures from unit reports are provisional while a report expected from the ward (or, for ALL, any) is missing,
-- and reported figures while a report they rest on is not approved by the city (docs/specification.md §5).
missing AS (
  SELECT month, ward_code, received < expected AS reports_missing FROM reporting_counts
)
SELECT t.month, t.ward_code, t.target_group, t.indicator_code, t.numerator, t.denominator, t.value, t.unit,
       t.target_value,
       t.target_year, t.target_plan_id,
       CASE WHEN t.value IS NULL THEN CASE WHEN t.target_value IS NULL THEN 'no_target' ELSE 'no_data' END
            WHEN t.unit = 'percent' AND (t.value < 0 OR t.value > 100 OR t.numerator > t.denominator) THEN 'check_data'
            WHEN t.target_value IS NULL THEN 'no_target'
            WHEN t.value >= t.target_value THEN 'achieved'
            WHEN t.value >= t.trajectory THEN 'on_track'
            WHEN t.trajectory - t.value > t.margin THEN 'off_track'
            ELSE 'at_risk' END AS status,
       NOT t.is_complete OR (t.source = 'unit-reports' AND coalesce(r.reports_missing, false))
         OR (t.basis = 'reported' AND coalesce(a.approved_units < a.reporting_units, false)) AS is_provisional,
       ${run_id} AS run_id,
       CASE WHEN t.basis = 'reported' THEN coalesce(a.reporting_units, 0) END AS reporting_units,
       CASE WHEN t.basis = 'reported' THEN coalesce(a.approved_units, 0) END AS approved_units
FROM statuses t
LEFT JOIN missing r ON r.month = t.month AND r.ward_code = t.ward_code
LEFT JOIN report_approvals a ON a.month = t.month AND a.ward_code = t.ward_code
