-- Org chart and bill-of-materials queries for the ops dashboard (Postgres and SQL Server).

-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE reports_to AS (
    SELECT id, manager_id, name FROM employees WHERE id = 42
    UNION ALL
    SELECT e.id, e.manager_id, e.name FROM employees e JOIN reports_to r ON e.manager_id = r.id
)
SELECT * FROM reports_to;

-- expect-none: db-loops
WITH RECURSIVE reports_to_limited AS (
    SELECT id, manager_id, name, 1 AS depth FROM employees WHERE id = 42
    UNION ALL
    SELECT e.id, e.manager_id, e.name, r.depth + 1 FROM employees e JOIN reports_to_limited r ON e.manager_id = r.id
    WHERE r.depth < 10
)
SELECT * FROM reports_to_limited;

-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE parts_tree AS (
    SELECT part_id, parent_id, qty FROM bom WHERE parent_id IS NULL
    UNION ALL
    SELECT b.part_id, b.parent_id, b.qty * t.qty FROM bom b JOIN parts_tree t ON b.parent_id = t.part_id
)
SELECT part_id, SUM(qty) FROM parts_tree GROUP BY part_id;

-- expect-none: db-loops
WITH RECURSIVE days AS (
    SELECT DATE '2024-01-01' AS d
    UNION ALL
    SELECT d + 1 FROM days WHERE d < DATE '2024-12-31'
)
SELECT d FROM days;

-- expect: db-loops/recursive-cte-without-limit
WITH chain AS (
    SELECT account_id, parent_account_id FROM accounts WHERE account_id = 1000
    UNION ALL
    SELECT a.account_id, a.parent_account_id FROM accounts a INNER JOIN chain c ON a.parent_account_id = c.account_id
)
SELECT * FROM chain
OPTION (MAXRECURSION 0);

-- expect-none: db-loops
WITH chain_capped AS (
    SELECT account_id, parent_account_id FROM accounts WHERE account_id = 1000
    UNION ALL
    SELECT a.account_id, a.parent_account_id FROM accounts a INNER JOIN chain_capped c ON a.parent_account_id = c.account_id
)
SELECT * FROM chain_capped
OPTION (MAXRECURSION 50);

-- expect-none: db-loops
WITH regional AS (
    SELECT region, SUM(amount) AS total FROM sales GROUP BY region
)
SELECT * FROM regional ORDER BY total DESC;

-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE ticket_thread AS (
    SELECT id, reply_to, body FROM tickets WHERE id = 77
    UNION ALL
    SELECT t.id, t.reply_to, t.body FROM tickets t, ticket_thread tt WHERE t.reply_to = tt.id
)
SELECT * FROM ticket_thread;

-- expect-none: db-loops
WITH RECURSIVE ticket_thread_bounded AS (
    SELECT id, reply_to, body, 0 AS level FROM tickets WHERE id = 77
    UNION ALL
    SELECT t.id, t.reply_to, t.body, tt.level + 1 FROM tickets t, ticket_thread_bounded tt WHERE t.reply_to = tt.id AND tt.level < 50
)
SELECT * FROM ticket_thread_bounded;
