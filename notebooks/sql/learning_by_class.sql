-- Learning completion by class (city-lms) and by course (national MOOC), city-wide, month by month:
-- learners, completed and the completion rate; MOOC courses also registered, passed and certified on
-- VNeID. Titles from the catalog in force.
SELECT l.month,
       l.platform,
       l.course_code,
       coalesce(k.title, l.course_code) AS title,
       k.target_group AS course_target_group,
       l.learners,
       l.completed,
       round(100.0 * l.completed / nullif(l.learners, 0), 1) AS completion_pct,
       l.registered,
       l.passed,
       l.certified
FROM learning_cube l
LEFT JOIN staged_course_catalog k USING (course_code)
WHERE l.ward_code = 'ALL' AND l.target_group = 'ALL'
ORDER BY l.platform, l.course_code, l.month;
