-- Every ward's figure for every indicator broken down by ward, month by month, ranked among the 114
-- wards (1 = highest; wards without a figure last). Counts also per 10,000 residents, so that big
-- wards do not win by size alone.
SELECT c.month,
       c.indicator_code,
       i.name_vi,
       c.ward_code,
       w.ward_name,
       w.unit_type,
       w.population,
       c.unit,
       c.value,
       CASE WHEN c.unit = 'count' AND w.population > 0
            THEN round(c.value * 10000 / w.population, 2) END AS per_10k_residents,
       c.target_value,
       c.status,
       rank() OVER (PARTITION BY c.month, c.indicator_code ORDER BY c.value DESC NULLS LAST) AS ward_rank
FROM indicator_cube c
JOIN dim_ward w USING (ward_code)
JOIN dim_indicator i ON i.code = c.indicator_code
WHERE c.target_group = 'ALL' AND c.ward_code NOT IN ('ALL', 'UNKNOWN')
ORDER BY c.month, c.indicator_code, ward_rank, c.ward_code;
