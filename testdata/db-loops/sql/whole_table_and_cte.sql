-- Reporting maintenance: statements on whole tables, recursive CTEs, a T-SQL counter loop.

-- expect: db-loops/update-without-where
DELETE FROM monthly_report;

DELETE FROM monthly_report WHERE report_month < date_trunc('month', now()) - interval '2 years';

TRUNCATE TABLE monthly_report_staging;

-- expect: db-loops/update-without-where
UPDATE customers SET newsletter = false;

UPDATE customers SET newsletter = true WHERE opted_in_at IS NOT NULL;

UPDATE customers c SET region = r.name FROM regions r WHERE r.id = c.region_id;

SELECT COUNT(*) FROM customers;

WITH RECURSIVE
  -- expect: db-loops/recursive-cte-without-limit
  org AS (
    SELECT id, manager_id FROM staff WHERE manager_id IS NULL
    UNION ALL
    SELECT s.id, s.manager_id FROM staff s JOIN org ON s.manager_id = org.id
  )
SELECT * FROM org;

WITH RECURSIVE org_bounded AS (
    SELECT id, manager_id, 1 AS depth FROM staff WHERE manager_id IS NULL
    UNION ALL
    SELECT s.id, s.manager_id, o.depth + 1 FROM staff s JOIN org_bounded o ON s.manager_id = o.id WHERE o.depth < 15
)
SELECT * FROM org_bounded;

WITH RECURSIVE org_cycle AS (
    SELECT id, manager_id FROM staff WHERE manager_id IS NULL
    UNION ALL
    SELECT s.id, s.manager_id FROM staff s JOIN org_cycle o ON s.manager_id = o.id
) CYCLE id SET is_cycle USING path
SELECT * FROM org_cycle;

WITH totals AS (
    SELECT region, SUM(amount) AS total FROM sales GROUP BY region
    UNION ALL
    SELECT 'all', SUM(amount) FROM sales
)
SELECT * FROM totals;

-- Rewriting the SQLite schema text is a catalog operation, not a data table.
UPDATE sqlite_master SET sql = replace(sql, 'old_name', 'new_name');

-- A ' > ' separator in a string is not a depth bound.
-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE folder_path AS (
    SELECT id, parent_id, name::text AS path FROM folders WHERE parent_id IS NULL
    UNION ALL
    SELECT f.id, f.parent_id, fp.path || ' > ' || f.name FROM folders f JOIN folder_path fp ON f.parent_id = fp.id
)
SELECT * FROM folder_path;

-- Nor is a bound written in a comment.
-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE folder_tree AS (
    SELECT id, parent_id FROM folders WHERE parent_id IS NULL
    UNION ALL
    SELECT f.id, f.parent_id FROM folders f JOIN folder_tree t ON f.parent_id = t.id -- add WHERE depth < 10
)
SELECT * FROM folder_tree;

-- The same path with a real depth bound.
WITH RECURSIVE folder_path_bounded AS (
    SELECT id, parent_id, name::text AS path, 1 AS depth FROM folders WHERE parent_id IS NULL
    UNION ALL
    SELECT f.id, f.parent_id, fp.path || ' > ' || f.name, fp.depth + 1
    FROM folders f JOIN folder_path_bounded fp ON f.parent_id = fp.id
    WHERE fp.depth < 20
)
SELECT * FROM folder_path_bounded;

-- Not recursive: the CTE's name after UNION ALL is only in a string.
-- expect-none: db-loops
WITH region_totals AS (
    SELECT region, SUM(amount) AS total FROM sales GROUP BY region
    UNION ALL
    SELECT 'region_totals (all)', SUM(amount) FROM sales
)
SELECT * FROM region_totals;
