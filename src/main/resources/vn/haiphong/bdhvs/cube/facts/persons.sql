-- Facts "persons": distinct persons, cumulative to each month end, counted from base rows at every
-- level of the indicator's breakdown (never summed from wards).
--   numerator_sql:   over one row of person_rows (below), the date from which that row counts its
--                    person for the indicator; null when it does not count them. birth_year is the
--                    person's, from any of their rows (null when no source gives it), for rates of adults.
--   denominator_sql: an aggregate over the population rows (ward_code, year, measure, value) of a
--                    ward and the month's year; ALL sums the wards.
-- A person counts in a cell from their first date there: persons are counted once in the month of
-- that first date, then summed over the months up to each month end — no row is joined to every month.
-- Persons are as linked across sources: the linked_* relations (identity/linked_records.sql) name each record's person.
WITH rows_as_given AS (
  SELECT linked_person_key AS person_key, coalesce(ward_code, ${unknown}) AS ward_code,
         coalesce(target_group, ${resident}) AS target_group, birth_year,
         registered_date AS contest_registered_on,
         CAST(NULL AS DATE) AS lms_enrolled_on, CAST(NULL AS DATE) AS lms_completed_on,
         CAST(NULL AS DATE) AS mooc_registered_on, CAST(NULL AS DATE) AS course_completed_on,
         CAST(NULL AS DATE) AS certified_on
  FROM linked_contest_registrations
  UNION ALL
  -- A city-lms completion counts from the earlier of its completion date and the first snapshot showing it.
  SELECT linked_person_key, coalesce(ward_code, ${unknown}), coalesce(target_group, ${resident}), birth_year,
         NULL, valid_from,
         least(CASE WHEN status = 'completed' THEN valid_from END, completed_on),
         NULL, least(CASE WHEN status = 'completed' THEN valid_from END, completed_on), NULL
  FROM linked_lms_enrolment_history
  UNION ALL
  SELECT person_key, ward_code, target_group, birth_year, NULL, NULL, NULL,
         CASE WHEN verb = 'registered' THEN local_date END,
         CASE WHEN verb IN ('completed', 'passed') THEN local_date END,
         CASE WHEN certifies THEN local_date END
  FROM mooc_attributed
),
-- A passed statement carries no context: the person's birth year is the one their other rows give (the later
-- where sources disagree: a person some source calls a minor is not counted as an adult).
person_rows AS (
  SELECT person_key, ward_code, target_group, contest_registered_on, lms_enrolled_on, lms_completed_on,
         mooc_registered_on, course_completed_on, certified_on,
         max(birth_year) OVER (PARTITION BY person_key) AS birth_year
  FROM rows_as_given
),
family AS (
  SELECT indicator_code, breakdown FROM indicators WHERE facts = 'persons'
),
events AS (
  SELECT indicator_code, breakdown, person_key, ward_code, target_group, ${numerator} AS event_date
  FROM person_rows CROSS JOIN family
),
-- Every event once in its own cell and once in each ALL member above it that the breakdown has.
at_levels AS (
  SELECT e.indicator_code, e.person_key, e.event_date,
         CASE WHEN l.by_ward THEN e.ward_code ELSE ${all} END AS ward_code,
         CASE WHEN l.by_group THEN e.target_group ELSE ${all} END AS target_group
  FROM events e
  JOIN levels l ON l.breakdown = e.breakdown
  WHERE e.event_date IS NOT NULL
),
first_dates AS (
  SELECT indicator_code, ward_code, target_group, person_key, min(event_date) AS first_date
  FROM at_levels
  GROUP BY indicator_code, ward_code, target_group, person_key
),
-- count(person_key), not count(*): a null person is nobody, as for count(DISTINCT).
new_persons AS (
  SELECT indicator_code, ward_code, target_group, last_day(first_date) AS month_last_day,
         count(person_key) AS persons
  FROM first_dates
  GROUP BY indicator_code, ward_code, target_group, last_day(first_date)
),
population_sums AS (
  SELECT m.month, f.indicator_code, p.ward_code, grouping(p.ward_code) AS city, ${denominator} AS denominator
  FROM population p
  JOIN months m ON m.year = p.year
  CROSS JOIN family f
  GROUP BY GROUPING SETS ((m.month, f.indicator_code, p.ward_code), (m.month, f.indicator_code))
)
-- A date is on or before a month end exactly when its month's last day is.
SELECT m.month, n.ward_code, n.target_group, n.indicator_code, CAST(sum(n.persons) AS DOUBLE) AS numerator,
       CAST(NULL AS DOUBLE) AS denominator
FROM new_persons n
JOIN months m ON n.month_last_day <= m.month_end
GROUP BY m.month, n.indicator_code, n.ward_code, n.target_group
UNION ALL
SELECT month, CASE WHEN city = 1 THEN ${all} ELSE ward_code END, ${all}, indicator_code, NULL,
       CAST(denominator AS DOUBLE)
FROM population_sums
WHERE city = 1 OR ward_code IS NOT NULL
