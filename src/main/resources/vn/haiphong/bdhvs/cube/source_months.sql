-- Per month of the build × source of the catalog (course, contest, telecom, unit-reports): whether the
-- source is complete for the month at the run date (docs/specification.md §5, contract schemas/output/source_months.json).
-- Until it is, the month's figures from that source are null and provisional, never 0:
--   course, contest: daily exports, complete once the month is over;
--   unit-reports:    complete once the month's reports are due (their deadline, the 5th day after the month,
--                    has passed);
--   telecom:         monthly files, complete once every operator that delivered any month up to this one
--                    has delivered this one.
WITH operator_months AS (
  SELECT DISTINCT month, operator FROM staged_telecom_operator
),
telecom AS (
  SELECT m.month,
         count(DISTINCT CASE WHEN o.month = m.month THEN o.operator END) AS delivered,
         count(DISTINCT o.operator) AS expected
  FROM months m
  LEFT JOIN operator_months o ON o.month <= m.month
  GROUP BY m.month
),
sources AS (
  SELECT DISTINCT source FROM cells
),
-- complete_from: the first run date on which the calendar completes it (null for telecom: its deliveries do).
calendar AS (
  SELECT m.month, s.source,
         CASE s.source WHEN 'telecom' THEN NULL
                       WHEN 'unit-reports' THEN m.reports_closed_on
                       ELSE m.month_closed_on END AS complete_from
  FROM months m
  CROSS JOIN sources s
)
SELECT c.month, c.source,
       CASE WHEN c.source = 'telecom' THEN t.delivered > 0 AND t.delivered = t.expected
            ELSE c.complete_from <= ${run_date} END AS is_complete,
       c.complete_from,
       ${run_id} AS run_id
FROM calendar c
JOIN telecom t ON t.month = c.month
