-- ${table} with each record's person as linked across sources (staged/person_links, docs/specification.md §4.1):
-- the person its account belongs to, else the record's own key (an ambiguous account links nothing).
-- The one rule: Spark runs it in the cubes, DuckDB in bench-cube and in the warehouse's account_persons.
SELECT r.*, coalesce(l.person_key, r.person_key) AS linked_person_key
FROM staged_${table} r
LEFT JOIN staged_person_links l ON l.identifier_hash = r.${account} AND l.identifier_type = 'account'
