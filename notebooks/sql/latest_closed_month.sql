-- The latest closed month: every source complete for it at the run date (docs/specification.md §5), the
-- month kpi_latest shows. The notebooks' default month.
SELECT DISTINCT month FROM kpi_latest
