-- Breadcrumb and menu queries for the intranet's knowledge base (Postgres).

-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE article_path AS (
    SELECT id, parent_id, title::text AS crumbs FROM kb_articles WHERE parent_id IS NULL
    UNION ALL
    SELECT a.id, a.parent_id, p.crumbs || ' > ' || a.title
    FROM kb_articles a JOIN article_path p ON a.parent_id = p.id
)
SELECT id, crumbs FROM article_path ORDER BY crumbs;

-- expect-none: db-loops
WITH RECURSIVE article_path_bounded AS (
    SELECT id, parent_id, title::text AS crumbs, 1 AS depth FROM kb_articles WHERE parent_id IS NULL
    UNION ALL
    SELECT a.id, a.parent_id, p.crumbs || ' > ' || a.title, p.depth + 1
    FROM kb_articles a JOIN article_path_bounded p ON a.parent_id = p.id
    WHERE p.depth < 12
)
SELECT id, crumbs FROM article_path_bounded ORDER BY crumbs;

-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE menu AS (
    SELECT id, parent_id, label FROM kb_menu WHERE parent_id IS NULL
    UNION ALL
    -- TODO: stop when depth > 6
    SELECT m.id, m.parent_id, COALESCE(m.label, '<untitled>')
    FROM kb_menu m JOIN menu ON m.parent_id = menu.id
)
SELECT * FROM menu;

-- expect: db-loops/recursive-cte-without-limit
WITH RECURSIVE replies AS (
    SELECT id, reply_to, body FROM kb_comments WHERE id = 7
    UNION ALL
    SELECT c.id, c.reply_to, '>> ' || c.body
    FROM kb_comments c JOIN replies r ON c.reply_to = r.id
)
SELECT * FROM replies;

-- expect-none: db-loops
WITH monthly_views AS (
    SELECT date_trunc('month', viewed_at) AS month, count(*) AS views FROM kb_views GROUP BY 1
    UNION ALL
    -- monthly_views before 2022 live in the archive table
    SELECT month, views FROM kb_views_archive
)
SELECT * FROM monthly_views ORDER BY month;
