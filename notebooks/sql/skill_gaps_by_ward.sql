-- Reported versus measured skill rates per ward, month by month: what units wrote in their reports
-- against what the platforms measured. Flagged where the report exceeds the measurement by more
-- than 20 points — the wards inspectors ask about. Largest gaps first.
SELECT g.month,
       g.indicator_code,
       i.name_vi,
       g.ward_code,
       w.ward_name,
       g.reported_value,
       g.measured_value,
       g.gap_points,
       g.flagged
FROM skill_gaps g
JOIN dim_indicator i ON i.code = g.indicator_code
JOIN dim_ward w USING (ward_code)
WHERE g.ward_code NOT IN ('ALL', 'UNKNOWN')
ORDER BY g.month, g.gap_points DESC NULLS LAST, g.indicator_code, g.ward_code;
