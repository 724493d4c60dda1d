-- Org and referral reports for the people-analytics dashboard (PostgreSQL).

-- Full management chain above one employee.
-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE chain AS (
    SELECT id, manager_id, full_name FROM employees WHERE id = 4711
    UNION ALL
    SELECT e.id, e.manager_id, e.full_name
    FROM employees e
    JOIN chain c ON e.id = c.manager_id
)
SELECT full_name FROM chain;

-- Whole org tree below the CFO, limited to 8 levels.
-- expect-none: db-loops
WITH RECURSIVE tree AS (
    SELECT id, manager_id, 0 AS depth FROM employees WHERE title = 'CFO'
    UNION ALL
    SELECT e.id, e.manager_id, t.depth + 1
    FROM employees e
    JOIN tree t ON e.manager_id = t.id
    WHERE t.depth < 8
)
SELECT count(*) FROM tree;

-- Calendar for the reporting year.
-- expect-none: db-loops
WITH RECURSIVE days(d) AS (
    SELECT DATE '2025-01-01'
    UNION ALL
    SELECT d + 1 FROM days WHERE d < DATE '2025-12-31'
)
SELECT d FROM days;

-- Category breadcrumbs for the product catalogue.
-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE crumbs AS (
    SELECT id, parent_id, name::text AS path FROM categories WHERE parent_id IS NULL
    UNION ALL
    SELECT k.id, k.parent_id, crumbs.path || ' > ' || k.name
    FROM categories k INNER JOIN crumbs ON k.parent_id = crumbs.id
)
SELECT * FROM crumbs ORDER BY path;

-- Same breadcrumbs, capped.
-- expect-none: db-loops
WITH RECURSIVE crumbs AS (
    SELECT id, parent_id, name::text AS path, 1 AS lvl FROM categories WHERE parent_id IS NULL
    UNION ALL
    SELECT k.id, k.parent_id, crumbs.path || ' > ' || k.name, crumbs.lvl + 1
    FROM categories k INNER JOIN crumbs ON k.parent_id = crumbs.id
    WHERE crumbs.lvl < 6
)
SELECT * FROM crumbs ORDER BY path;

-- Non-recursive CTE.
-- expect-none: db-loops
WITH heads AS (
    SELECT manager_id, count(*) AS n FROM employees GROUP BY manager_id
)
SELECT e.full_name, h.n FROM heads h JOIN employees e ON e.id = h.manager_id ORDER BY h.n DESC LIMIT 20;

-- Headcount refresh.
-- expect: db-loops/update-without-where
DELETE FROM headcount_snapshot;

INSERT INTO headcount_snapshot (dept, n, taken_at)
SELECT dept, count(*), now() FROM employees GROUP BY dept;

-- expect: db-loops/update-without-where
UPDATE employees SET review_due = false;

-- expect-none: db-loops
UPDATE employees SET review_due = true WHERE last_review < now() - interval '1 year';

-- expect-none: db-loops
WITH leavers AS (SELECT id FROM employees WHERE left_on IS NOT NULL)
DELETE FROM badge_access WHERE employee_id IN (SELECT id FROM leavers);
