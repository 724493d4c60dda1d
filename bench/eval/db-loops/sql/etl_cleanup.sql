-- Nightly ETL cleanup for the marketing warehouse (Postgres). Run by cron via psql.

BEGIN;

-- expect: db-loops/update-without-where
DELETE FROM campaign_stats;

INSERT INTO campaign_stats (campaign_id, clicks, spend)
SELECT campaign_id, SUM(clicks), SUM(spend) FROM ad_events GROUP BY campaign_id;

-- expect-none: db-loops
DELETE FROM ad_events WHERE event_date < current_date - 90;

-- expect: db-loops/update-without-where
UPDATE contacts SET consent_checked = false;

-- expect-none: db-loops
UPDATE contacts SET consent_checked = true WHERE consent_at IS NOT NULL;

-- expect-none: db-loops
UPDATE campaigns c SET spend = s.spend FROM campaign_stats s WHERE s.campaign_id = c.id;

-- expect: db-loops/update-without-where
UPDATE leads SET score = 0;

-- expect-none: db-loops
DELETE FROM leads USING bounced b WHERE leads.email = b.email;

-- expect: db-loops/update-without-where
DELETE FROM email_bounces;

-- expect-none: db-loops
SELECT COUNT(*) FROM contacts;

COMMIT;

DO $$
DECLARE
    r RECORD;
BEGIN
    -- expect-none: db-loops
    FOR r IN SELECT id FROM campaigns WHERE archived LOOP
        DELETE FROM ad_events WHERE campaign_id = r.id;
    END LOOP;
END $$;

DO $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        DELETE FROM ad_events WHERE id IN (SELECT id FROM ad_events WHERE event_date < current_date - 365 LIMIT 1000);
    END LOOP;
END $$;

DO $$
DECLARE
    n int;
BEGIN
    -- expect-none: db-loops
    LOOP
        DELETE FROM ad_events WHERE id IN (SELECT id FROM ad_events WHERE event_date < current_date - 365 LIMIT 1000);
        GET DIAGNOSTICS n = ROW_COUNT;
        EXIT WHEN n = 0;
    END LOOP;
END $$;
