-- Housekeeping functions for the customer success schema (PostgreSQL).

CREATE OR REPLACE FUNCTION cs.expire_trials() RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        UPDATE cs.accounts SET plan = 'free' WHERE plan = 'trial' AND trial_ends < now();
        PERFORM pg_sleep(300);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION cs.purge_events() RETURNS void AS $$
DECLARE
    removed integer;
BEGIN
    LOOP
        DELETE FROM cs.events WHERE id IN (SELECT id FROM cs.events WHERE created_at < now() - interval '90 days' LIMIT 5000);
        GET DIAGNOSTICS removed = ROW_COUNT;
        EXIT WHEN removed = 0;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION cs.score_accounts(full_run boolean) RETURNS void AS $$
DECLARE
    a record;
BEGIN
    IF full_run THEN
        -- expect: db-loops/sql-loop-without-exit
        LOOP
            UPDATE cs.accounts SET health = cs.health_score(id) WHERE health IS NULL;
        END LOOP;
    END IF;
    FOR a IN
        SELECT id FROM cs.accounts
        WHERE health < 50
    LOOP
        INSERT INTO cs.alerts (account_id, reason) VALUES (a.id, 'low health');
    END LOOP;
    FOR i IN 1..3
    -- three passes are enough for the scoring to converge
    LOOP
        UPDATE cs.accounts SET health = health WHERE false;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION cs.next_ticket_number() RETURNS integer AS $$
DECLARE
    n integer := 0;
BEGIN
    LOOP
        n := n + 1;
        IF NOT EXISTS (SELECT 1 FROM cs.tickets WHERE number = n) THEN
            RETURN n;
        END IF;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION cs.rebuild_segments() RETURNS void AS $$
DECLARE
    s record;
BEGIN
    LOOP
        FOR s IN SELECT id FROM cs.segments LOOP
            PERFORM cs.refresh_segment(s.id);
        END LOOP;
        EXIT WHEN NOT EXISTS (SELECT 1 FROM cs.segments WHERE stale);
    END LOOP;
END;
$$ LANGUAGE plpgsql;
