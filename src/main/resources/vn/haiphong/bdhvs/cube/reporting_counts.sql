-- DHIS2's reporting counts per month × ward (the unit's) and ALL: reports expected (units × periods
-- due in the month), received (any version) and on time (the first version's on_time). Read by the
-- reporting facts and by the cube's is_provisional.
WITH received AS (
  SELECT upper(trim(unit_code)) AS unit_code, period_type, period, on_time
  FROM staged_unit_reports
  WHERE version = 1
),
owed AS (
  SELECT e.month, e.ward_code,
         CASE WHEN r.on_time IS NOT NULL THEN 1 ELSE 0 END AS received,
         CASE WHEN r.on_time THEN 1 ELSE 0 END AS timely
  FROM expected_reports e
  LEFT JOIN received r ON r.unit_code = e.unit_code AND r.period_type = e.period_type AND r.period = e.period
),
counts AS (
  SELECT month, ward_code, grouping(ward_code) AS city, count(*) AS expected, sum(received) AS received,
         sum(timely) AS timely
  FROM owed
  GROUP BY GROUPING SETS ((month, ward_code), (month))
)
-- A report of a unit without a ward (a city department) counts in ALL only.
SELECT month, CASE WHEN city = 1 THEN ${all} ELSE ward_code END AS ward_code, expected, received, timely
FROM counts
WHERE city = 1 OR ward_code IS NOT NULL
