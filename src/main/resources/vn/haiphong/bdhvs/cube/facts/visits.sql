-- Facts "visits": the contest's daily visit counters, city only.
--   numerator_sql, denominator_sql: aggregates over the days (visit_date, visits) up to the month
--   end (month_end).
WITH visit_days AS (
  SELECT m.month, m.month_end, v.date AS visit_date, v.visits
  FROM staged_contest_visits v
  JOIN months m ON v.date <= m.month_end
),
family AS (
  SELECT indicator_code FROM indicators WHERE facts = 'visits'
)
SELECT d.month, ${all} AS ward_code, ${all} AS target_group, f.indicator_code,
       CAST(${numerator} AS DOUBLE) AS numerator, CAST(${denominator} AS DOUBLE) AS denominator
FROM visit_days d
CROSS JOIN family f
GROUP BY d.month, f.indicator_code
