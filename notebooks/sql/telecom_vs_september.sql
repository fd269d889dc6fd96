-- The city's telecom indicators month by month against September 2025, the month officials compare
-- with ("tăng … so với tháng 9/2025"): stations in service, ward coverage, and test-weighted speeds.
-- Only months the operators have delivered (telecom_cube): a month not delivered yet is not a drop to zero.
WITH city AS (
  SELECT c.month, c.indicator_code, i.name_vi, c.unit, c.value
  FROM indicator_cube c
  JOIN dim_indicator i ON i.code = c.indicator_code
  WHERE i.source = 'telecom' AND c.ward_code = 'ALL' AND c.target_group = 'ALL'
    AND c.month IN (SELECT month FROM telecom_cube)
),
september AS (
  SELECT indicator_code, value AS september_2025 FROM city WHERE month = '2025-09'
)
SELECT city.month,
       city.indicator_code,
       city.name_vi,
       city.unit,
       city.value,
       september.september_2025,
       city.value - september.september_2025 AS change_since_september
FROM city
LEFT JOIN september USING (indicator_code)
ORDER BY city.indicator_code, city.month;
