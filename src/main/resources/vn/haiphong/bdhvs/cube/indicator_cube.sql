-- The indicator cube of docs/specification.md §6 computed by DuckDB: the rules of IndicatorCube, PersonFacts,
-- ReportFacts and TelecomFacts written as one SQL query. It reads the staged Parquet through the
-- staged_<table> views and the reference frames (months, cells, targets, ...) loaded by
-- IndicatorCubeSql; the dollar-brace placeholders are Java constants, filled in as literals.
-- Its rows must equal Spark's: the benchmark and the tests compare them.
WITH
-- MOOC statements that count: live ones, with a ward and target group (their own, else those the
-- person registered with, else UNKNOWN and resident).
live AS (
  SELECT * FROM staged_mooc_statements WHERE NOT is_voided AND verb <> 'voided'
),
registered_in AS (
  SELECT DISTINCT person_key, ward_code AS reg_ward, target_group AS reg_group
  FROM live WHERE verb = 'registered' AND ward_code IS NOT NULL
),
mooc AS (
  SELECT person_key, verb, certifies, local_date, ward_code, coalesce(target_group, ${resident}) AS target_group
  FROM live WHERE ward_code IS NOT NULL
  UNION ALL
  SELECT l.person_key, l.verb, l.certifies, l.local_date, coalesce(r.reg_ward, ${unknown}),
         coalesce(l.target_group, r.reg_group, ${resident})
  FROM live l LEFT JOIN registered_in r ON r.person_key = l.person_key
  WHERE l.ward_code IS NULL
),
lms_completed AS (
  SELECT person_key, ward_code, target_group,
         least(CASE WHEN status = 'completed' THEN valid_from END, completed_on) AS event_date
  FROM staged_lms_enrolment_history
  WHERE status = 'completed' OR completed_on IS NOT NULL
),
completions AS (
  SELECT person_key, coalesce(ward_code, ${unknown}) AS ward_code, coalesce(target_group, ${resident}) AS target_group,
         event_date
  FROM lms_completed
  UNION ALL
  SELECT person_key, ward_code, target_group, local_date FROM mooc WHERE verb IN ('completed', 'passed')
),
certified AS (
  SELECT person_key, ward_code, target_group, local_date AS event_date FROM mooc WHERE certifies
),
events AS (
  SELECT 'CONTEST_REGISTRANTS' AS indicator_code, person_key, ward_code, target_group, registered_date AS event_date
  FROM staged_contest_registrations
  UNION ALL SELECT 'LMS_LEARNERS', person_key, ward_code, target_group, valid_from FROM staged_lms_enrolment_history
  UNION ALL SELECT 'LMS_COMPLETED', person_key, ward_code, target_group, event_date FROM lms_completed
  UNION ALL SELECT 'MOOC_LEARNERS', person_key, ward_code, target_group, local_date FROM mooc WHERE verb = 'registered'
  UNION ALL SELECT 'VNEID_CERTIFIED', person_key, ward_code, target_group, event_date FROM certified
),
-- A person counts in a cell from the first event of that indicator there.
first_events AS (
  SELECT indicator_code, person_key, coalesce(ward_code, ${unknown}) AS ward_code,
         coalesce(target_group, ${resident}) AS target_group, min(event_date) AS event_date
  FROM events GROUP BY ALL
),
-- The measured rates' persons are counted by ward only.
first_measured AS (
  SELECT r.indicator_code, e.person_key, e.ward_code, min(e.event_date) AS event_date
  FROM measured_rates r
  JOIN (SELECT *, false AS certified_only FROM completions
        UNION ALL SELECT *, true FROM certified) e
    ON e.certified_only = r.certified_only AND (r.person_group IS NULL OR e.target_group = r.person_group)
  GROUP BY ALL
),
-- Distinct persons to each month end, counted again from base rows at every level.
person_counts AS (
  SELECT m.month, f.indicator_code,
         CASE WHEN grouping(f.ward_code) = 1 THEN ${all} ELSE f.ward_code END AS ward_code,
         CASE WHEN grouping(f.target_group) = 1 THEN ${all} ELSE f.target_group END AS target_group,
         count(DISTINCT f.person_key)::DOUBLE AS numerator
  FROM first_events f JOIN months m ON f.event_date <= m.month_end
  GROUP BY GROUPING SETS ((m.month, f.indicator_code, f.ward_code, f.target_group), (m.month, f.indicator_code, f.ward_code),
                          (m.month, f.indicator_code, f.target_group), (m.month, f.indicator_code))
  UNION ALL
  SELECT m.month, f.indicator_code,
         CASE WHEN grouping(f.ward_code) = 1 THEN ${all} ELSE f.ward_code END, ${all},
         count(DISTINCT f.person_key)::DOUBLE
  FROM first_measured f JOIN months m ON f.event_date <= m.month_end
  GROUP BY GROUPING SETS ((m.month, f.indicator_code, f.ward_code), (m.month, f.indicator_code))
),
contest_ward_coverage AS (
  SELECT month, count(*) AS wards FROM person_counts
  WHERE indicator_code = 'CONTEST_REGISTRANTS' AND target_group = ${all} AND ward_code NOT IN (${all}, ${unknown})
    AND numerator > 0
  GROUP BY month
),
measured_denominators AS (
  SELECT m.month, d.indicator_code, coalesce(d.ward_code, ${all}) AS ward_code, sum(d.denominator) AS denominator
  FROM population_denominators d JOIN months m ON m.year = d.year
  GROUP BY GROUPING SETS ((m.month, d.indicator_code, d.ward_code), (m.month, d.indicator_code))
  HAVING grouping(d.ward_code) = 1 OR d.ward_code IS NOT NULL
),
contest_visits AS (
  SELECT m.month, 'CONTEST_VISITS' AS indicator_code, sum(v.visits) AS visits
  FROM staged_contest_visits v JOIN months m ON strftime(v.date, '%Y-%m') = m.month GROUP BY m.month
  UNION ALL
  SELECT m.month, 'CONTEST_VISITS_CUM', sum(v.visits)
  FROM staged_contest_visits v JOIN months m ON v.date <= m.month_end GROUP BY m.month
),
-- The month's current monthly reports.
month_reports AS (
  SELECT r.*, m.month FROM staged_unit_report_metrics r JOIN months m ON r.period = m.month
  WHERE r.is_current AND r.period_type = 'month'
),
reported_rates AS (
  SELECT r.month, o.indicator_code, coalesce(r.ward_code, ${all}) AS ward_code,
         sum(CASE WHEN o.role = 'numerator' THEN r.value END) AS num,
         sum(CASE WHEN o.role = 'denominator' THEN r.value END) AS den
  FROM month_reports r JOIN metric_roles o ON o.metric_code = r.metric_code
  GROUP BY GROUPING SETS ((r.month, o.indicator_code, r.ward_code), (r.month, o.indicator_code))
  HAVING grouping(r.ward_code) = 1 OR r.ward_code IS NOT NULL
),
community_classes AS (
  SELECT r.month, count(DISTINCT u.unit_code) AS wards
  FROM month_reports r JOIN reporting_units u ON u.unit_code = upper(trim(r.unit_code)) AND u.kind = 'ward'
  WHERE r.metric_code = 'community_class_held' AND r.value = 1
  GROUP BY r.month
),
-- DHIS2: expected = units × periods due; received = any version; on time = the first version's.
reporting AS (
  SELECT e.month, coalesce(e.ward_code, ${all}) AS ward_code, count(*) AS expected,
         sum(CASE WHEN r.on_time IS NOT NULL THEN 1 ELSE 0 END) AS received,
         sum(CASE WHEN r.on_time THEN 1 ELSE 0 END) AS timely
  FROM expected_reports e
  LEFT JOIN (SELECT upper(trim(unit_code)) AS unit_code, period_type, period, on_time
             FROM staged_unit_reports WHERE version = 1) r
    ON r.unit_code = e.unit_code AND r.period_type = e.period_type AND r.period = e.period
  GROUP BY GROUPING SETS ((e.month, e.ward_code), (e.month))
  HAVING grouping(e.ward_code) = 1 OR e.ward_code IS NOT NULL
),
operator_months AS (
  SELECT o.* FROM staged_telecom_operator o JOIN months m ON m.month = o.month
),
stations AS (
  SELECT month, coalesce(ward_code, ${all}) AS ward_code, sum(bts_4g) AS bts_4g, sum(bts_5g) AS bts_5g
  FROM operator_months
  GROUP BY GROUPING SETS ((month, ward_code), (month))
  HAVING grouping(ward_code) = 1 OR ward_code IS NOT NULL
),
ward_coverage AS (
  SELECT month, count(CASE WHEN best >= ${covered_4g_pct} THEN 1 END) AS wards
  FROM (SELECT month, ward_code, max(coverage_4g_pct) AS best FROM operator_months
        WHERE ward_code <> ${unknown} GROUP BY month, ward_code)
  GROUP BY month
),
speeds AS (
  SELECT s.month, s.network_type, coalesce(s.ward_code, ${all}) AS ward_code,
         sum(s.avg_d_kbps * s.tests) AS down, sum(s.avg_u_kbps * s.tests) AS up, sum(s.tests) AS tests
  FROM staged_telecom_speedtest s JOIN months m ON m.month = s.month
  GROUP BY GROUPING SETS ((s.month, s.network_type, s.ward_code), (s.month, s.network_type))
  HAVING grouping(s.ward_code) = 1 OR s.ward_code IS NOT NULL
),
facts AS (
  SELECT month, ward_code, target_group, indicator_code, numerator, NULL::DOUBLE AS denominator, NULL::DOUBLE AS value
  FROM person_counts
  UNION ALL SELECT month, ${all}, ${all}, 'CONTEST_WARD_COVERAGE', wards, ${ward_count}, NULL FROM contest_ward_coverage
  UNION ALL SELECT month, ward_code, ${all}, indicator_code, NULL, denominator, NULL FROM measured_denominators
  UNION ALL SELECT month, ${all}, ${all}, indicator_code, visits, NULL, NULL FROM contest_visits
  UNION ALL SELECT month, ward_code, ${all}, indicator_code, num, den, NULL FROM reported_rates
  UNION ALL SELECT month, ${all}, ${all}, 'WARD_COMMUNITY_CLASS_RATE', wards, ${ward_count}, NULL FROM community_classes
  UNION ALL SELECT month, ward_code, ${all}, 'REPORT_COMPLETENESS', received, expected, NULL FROM reporting
  UNION ALL SELECT month, ward_code, ${all}, 'REPORT_TIMELINESS', timely, expected, NULL FROM reporting
  UNION ALL SELECT month, ward_code, ${all}, 'BTS_4G', bts_4g, NULL, NULL FROM stations
  UNION ALL SELECT month, ward_code, ${all}, 'BTS_5G', bts_5g, NULL, NULL FROM stations
  UNION ALL SELECT month, ${all}, ${all}, 'WARD_COVERAGE_RATE', wards, ${ward_count}, NULL FROM ward_coverage
  UNION ALL
  SELECT month, ward_code, ${all}, CASE WHEN network_type = 'fixed' THEN 'FIXED' ELSE 'MOBILE' END || '_DL_MBPS',
         NULL, NULL, CASE WHEN tests > 0 THEN down / tests / ${kbps_per_mbps} END
  FROM speeds
  UNION ALL
  SELECT month, ward_code, ${all}, CASE WHEN network_type = 'fixed' THEN 'FIXED' ELSE 'MOBILE' END || '_UL_MBPS',
         NULL, NULL, CASE WHEN tests > 0 THEN up / tests / ${kbps_per_mbps} END
  FROM speeds
),
merged AS (
  SELECT month, ward_code, target_group, indicator_code,
         max(numerator)::DOUBLE AS numerator, max(denominator)::DOUBLE AS denominator, max(value)::DOUBLE AS value
  FROM facts GROUP BY ALL
),
-- Dense: every cell of every month. Counts are 0 where nothing was seen; reported figures and
-- speeds stay null; rates divide the aggregated numerator by the aggregated denominator.
valued AS (
  SELECT m.month, m.year, m.month_of_year, c.ward_code, c.target_group, c.indicator_code, c.unit, c.basis,
         CASE WHEN c.unit <> 'mbps' AND (c.basis = 'measured' OR c.breakdown = ${city_only})
              THEN coalesce(f.numerator, 0) ELSE f.numerator END AS numerator,
         f.denominator, f.value AS fact_value
  FROM cells c CROSS JOIN months m
  LEFT JOIN merged f ON f.month = m.month AND f.ward_code = c.ward_code AND f.target_group = c.target_group
    AND f.indicator_code = c.indicator_code
),
targeted AS (
  SELECT v.*,
         CASE WHEN v.unit = 'count' THEN v.numerator
              WHEN v.unit = 'percent' THEN CASE WHEN v.denominator > 0 THEN v.numerator / v.denominator * 100 END
              WHEN v.unit = 'ratio' THEN CASE WHEN v.denominator > 0 THEN v.numerator / v.denominator END
              ELSE v.fact_value END AS value,
         t.target_value
  FROM valued v
  LEFT JOIN targets t ON t.indicator_code = v.indicator_code AND t.year = v.year AND t.ward_code = v.ward_code
),
-- The year's baseline: the first month of the year with a value.
with_baseline AS (
  SELECT *,
         first_value(value IGNORE NULLS) OVER year_cells AS baseline,
         first_value(CASE WHEN value IS NOT NULL THEN month_of_year END IGNORE NULLS) OVER year_cells AS baseline_month
  FROM targeted
  WINDOW year_cells AS (PARTITION BY ward_code, target_group, indicator_code, year ORDER BY month
                        ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
),
-- TargetStatus: the straight line from the baseline to the target in December.
with_expected AS (
  SELECT *,
         CASE WHEN baseline IS NULL OR baseline_month IS NULL OR baseline_month >= 12 THEN target_value
              ELSE baseline + (target_value - baseline) * (month_of_year - baseline_month) / (12.0::DOUBLE - baseline_month)
         END AS trajectory
  FROM with_baseline
),
missing AS (
  SELECT month, ward_code, received < expected AS reports_missing FROM reporting
)
SELECT e.month, e.ward_code, e.target_group, e.indicator_code, e.numerator, e.denominator, e.value, e.unit,
       e.target_value,
       CASE WHEN e.target_value IS NOT NULL THEN e.year END AS target_year,
       CASE WHEN e.value IS NULL OR e.target_value IS NULL THEN ${no_target}
            WHEN e.value >= e.target_value THEN ${achieved}
            WHEN e.value >= e.trajectory THEN ${on_track}
            WHEN e.trajectory - e.value > ${off_track_points} THEN ${off_track}
            ELSE ${at_risk} END AS status,
       (e.basis = 'reported' OR starts_with(e.indicator_code, 'REPORT_')) AND coalesce(r.reports_missing, false)
         AS is_provisional,
       ${run_id} AS run_id
FROM with_expected e
LEFT JOIN missing r ON r.month = e.month AND r.ward_code = e.ward_code
