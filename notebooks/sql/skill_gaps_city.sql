-- The city's reported and measured skill rates month by month, and how many wards are flagged.
SELECT g.month,
       g.indicator_code,
       any_value(i.name_vi) AS name_vi,
       any_value(g.reported_value) FILTER (WHERE g.ward_code = 'ALL') AS city_reported,
       any_value(g.measured_value) FILTER (WHERE g.ward_code = 'ALL') AS city_measured,
       any_value(g.gap_points) FILTER (WHERE g.ward_code = 'ALL') AS city_gap_points,
       count(*) FILTER (WHERE g.flagged AND g.ward_code NOT IN ('ALL', 'UNKNOWN')) AS wards_flagged
FROM skill_gaps g
JOIN dim_indicator i ON i.code = g.indicator_code
GROUP BY g.month, g.indicator_code
ORDER BY g.indicator_code, g.month;
