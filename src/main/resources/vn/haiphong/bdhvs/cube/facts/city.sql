-- Facts "city": figures of the city as a whole, per month.
--   numerator_sql, denominator_sql: aggregates over the month's city_rows (below): the persons
--   facts' counts to the month end (ward_code, target_group, counted — the persons indicator
--   counted — and persons) and the contest's daily visit counters to the month end (visit_date,
--   visits), each with the month's last day (month_end).
WITH city_rows AS (
  SELECT p.month, m.month_end, p.ward_code, p.target_group, p.indicator_code AS counted, p.numerator AS persons,
         CAST(NULL AS DATE) AS visit_date, CAST(NULL AS BIGINT) AS visits
  FROM persons_facts p
  JOIN months m ON m.month = p.month
  WHERE p.numerator IS NOT NULL
  UNION ALL
  SELECT m.month, m.month_end, NULL, NULL, NULL, NULL, v.date, v.visits
  FROM staged_contest_visits v
  JOIN months m ON v.date <= m.month_end
),
family AS (
  SELECT indicator_code FROM indicators WHERE facts = 'city'
)
SELECT c.month, ${all} AS ward_code, ${all} AS target_group, f.indicator_code,
       CAST(${numerator} AS DOUBLE) AS numerator, CAST(${denominator} AS DOUBLE) AS denominator
FROM city_rows c
CROSS JOIN family f
GROUP BY c.month, f.indicator_code
