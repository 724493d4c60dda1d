-- PostgreSQL jobs for the ops reporting schema.

CREATE OR REPLACE FUNCTION ops.archive_closed_tickets() RETURNS void AS $$
DECLARE
    moved integer;
BEGIN
    <<archive>>
    LOOP
        WITH batch AS (
            DELETE FROM ops.tickets WHERE status = 'closed' AND closed_at < now() - interval '1 year'
            RETURNING *
        )
        INSERT INTO ops.tickets_archive SELECT * FROM batch;
        GET DIAGNOSTICS moved = ROW_COUNT;
        EXIT archive WHEN moved = 0;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION ops.refresh_kpis() RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    WHILE true LOOP
        REFRESH MATERIALIZED VIEW ops.kpi_daily;
        PERFORM pg_sleep(60);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION ops.touch_heartbeat() RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    <<beat>>
    LOOP
        UPDATE ops.heartbeat SET seen_at = now() WHERE id = 1;
    END LOOP beat;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION ops.recompute_scores() RETURNS void AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT id, revenue, churn_risk FROM ops.accounts WHERE active
    LOOP
        UPDATE ops.accounts SET score = r.revenue * (1 - r.churn_risk) WHERE id = r.id;
    END LOOP;
    WHILE EXISTS (SELECT 1 FROM ops.queue WHERE done = false) LOOP
        UPDATE ops.queue SET done = true WHERE id = (SELECT min(id) FROM ops.queue WHERE done = false);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION ops.next_free_slot() RETURNS integer AS $$
DECLARE
    slot integer := 0;
BEGIN
    WHILE TRUE LOOP
        slot := slot + 1;
        IF NOT EXISTS (SELECT 1 FROM ops.slots WHERE id = slot) THEN
            RETURN slot;
        END IF;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

SELECT id, name FROM ops.accounts WHERE active ORDER BY name;
