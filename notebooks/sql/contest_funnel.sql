-- The contest funnel by target group, persons as linked across sources (account_persons, the cubes' rule):
-- persons registered, of them persons who submitted at least one attempt, of them persons who passed; and of
-- those registered, persons who also learn on a platform (enrolled on the city LMS or active on the national
-- MOOC, under any account). A person counts once per group and once in ALL, however many times and under
-- however many accounts they registered. "Passed" here is the notebook's working rule, not the organisers':
-- a best score of at least 5 out of 10 over all the person's attempts.
WITH attempts AS (
  SELECT candidate_key, max(score) AS best_score
  FROM staged_contest_submissions
  GROUP BY candidate_key
),
registrations AS (
  SELECT p.person_key, r.target_group, r.candidate_key
  FROM staged_contest_registrations r
  JOIN account_persons p ON p.source_table = 'contest_registrations' AND p.account_key = r.candidate_key
    AND p.record_person_key = r.person_key
),
platform_learners AS (
  SELECT DISTINCT person_key
  FROM account_persons
  WHERE source_table IN ('lms_enrolment_history', 'mooc_statements')
),
persons AS (
  SELECT r.person_key,
         r.target_group,
         bool_or(a.candidate_key IS NOT NULL) AS attempted,
         coalesce(max(a.best_score) >= 5, false) AS passed,
         bool_or(l.person_key IS NOT NULL) AS learns_on_a_platform
  FROM registrations r
  LEFT JOIN attempts a USING (candidate_key)
  LEFT JOIN platform_learners l USING (person_key)
  GROUP BY r.person_key, r.target_group
),
funnel AS (
  SELECT coalesce(target_group, 'ALL') AS target_group,
         count(DISTINCT person_key) AS registered,
         count(DISTINCT person_key) FILTER (WHERE attempted) AS attempted,
         count(DISTINCT person_key) FILTER (WHERE passed) AS passed,
         count(DISTINCT person_key) FILTER (WHERE learns_on_a_platform) AS learns_on_a_platform
  FROM persons
  GROUP BY ROLLUP (target_group)
)
SELECT f.target_group,
       g.label_vi,
       f.registered,
       f.attempted,
       f.passed,
       f.learns_on_a_platform,
       round(100.0 * f.attempted / nullif(f.registered, 0), 1) AS attempted_pct,
       round(100.0 * f.passed / nullif(f.attempted, 0), 1) AS passed_of_attempted_pct,
       round(100.0 * f.learns_on_a_platform / nullif(f.registered, 0), 1) AS learns_on_a_platform_pct
FROM funnel f
JOIN dim_target_group g USING (target_group)
ORDER BY f.target_group = 'ALL' DESC, f.registered DESC;
