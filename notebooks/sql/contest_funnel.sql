-- The contest funnel by target group: persons registered, of them persons who submitted at least one
-- attempt, of them persons who passed. A person counts once per group and once in ALL, however many
-- times they registered (person_key). "Passed" here is the notebook's working rule, not the
-- organisers': a best score of at least 5 out of 10 over all the person's attempts.
WITH attempts AS (
  SELECT candidate_key, max(score) AS best_score
  FROM staged_contest_submissions
  GROUP BY candidate_key
),
persons AS (
  SELECT r.person_key,
         r.target_group,
         bool_or(a.candidate_key IS NOT NULL) AS attempted,
         coalesce(max(a.best_score) >= 5, false) AS passed
  FROM staged_contest_registrations r
  LEFT JOIN attempts a USING (candidate_key)
  GROUP BY r.person_key, r.target_group
),
funnel AS (
  SELECT coalesce(target_group, 'ALL') AS target_group,
         count(DISTINCT person_key) AS registered,
         count(DISTINCT person_key) FILTER (WHERE attempted) AS attempted,
         count(DISTINCT person_key) FILTER (WHERE passed) AS passed
  FROM persons
  GROUP BY ROLLUP (target_group)
)
SELECT f.target_group,
       g.label_vi,
       f.registered,
       f.attempted,
       f.passed,
       round(100.0 * f.attempted / nullif(f.registered, 0), 1) AS attempted_pct,
       round(100.0 * f.passed / nullif(f.attempted, 0), 1) AS passed_of_attempted_pct
FROM funnel f
JOIN dim_target_group g USING (target_group)
ORDER BY f.target_group = 'ALL' DESC, f.registered DESC;
