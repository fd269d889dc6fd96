-- Live (not voided) MOOC statements with a ward and target group: a statement's own, else those of
-- the same person's registered statements (one row per ward they registered in), else UNKNOWN and
-- resident — a passed statement carries no context of its own. Read by the persons facts and by the
-- learning cube. Persons are as linked across sources (identity/linked_records.sql).
WITH live AS (
  SELECT linked_person_key AS person_key, verb, course_code, certifies, local_date, ward_code, target_group, birth_year
  FROM linked_mooc_statements
  WHERE NOT is_voided AND verb <> 'voided'
),
registered_in AS (
  SELECT DISTINCT person_key, ward_code AS reg_ward, target_group AS reg_group
  FROM live
  WHERE verb = 'registered' AND ward_code IS NOT NULL
)
SELECT person_key, verb, course_code, certifies, local_date, ward_code,
       coalesce(target_group, ${resident}) AS target_group, birth_year
FROM live
WHERE ward_code IS NOT NULL
UNION ALL
SELECT l.person_key, l.verb, l.course_code, l.certifies, l.local_date, coalesce(r.reg_ward, ${unknown}),
       coalesce(l.target_group, r.reg_group, ${resident}), l.birth_year
FROM live l
LEFT JOIN registered_in r ON r.person_key = l.person_key
WHERE l.ward_code IS NULL
