-- Billing helpers for the subscriptions database (PostgreSQL 15).
-- Deployed with: psql -f billing_functions.sql

CREATE OR REPLACE FUNCTION close_expired_trials() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    n integer := 0;
    rec record;
BEGIN
    -- expect-none: db-loops
    FOR rec IN SELECT id FROM subscriptions WHERE plan = 'trial' AND ends_at < now() LOOP
        UPDATE subscriptions SET status = 'expired' WHERE id = rec.id;
        n := n + 1;
    END LOOP;
    RETURN n;
END;
$$;

CREATE OR REPLACE FUNCTION drain_invoice_queue() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    job_id bigint;
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        SELECT id INTO job_id FROM invoice_queue WHERE processed = false ORDER BY id LIMIT 1;
        UPDATE invoice_queue SET processed = true WHERE id = job_id;
    END LOOP;
END;
$$;

CREATE OR REPLACE FUNCTION drain_invoice_queue_safe() RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    job_id bigint;
    done integer := 0;
BEGIN
    -- expect-none: db-loops
    LOOP
        SELECT id INTO job_id FROM invoice_queue WHERE processed = false ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;
        EXIT WHEN NOT FOUND;
        UPDATE invoice_queue SET processed = true WHERE id = job_id;
        done := done + 1;
    END LOOP;
    RETURN done;
END;
$$;

CREATE OR REPLACE FUNCTION next_free_invoice_number(start_at integer) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
    candidate integer := start_at;
BEGIN
    -- expect-none: db-loops
    LOOP
        IF NOT EXISTS (SELECT 1 FROM invoices WHERE number = candidate) THEN
            RETURN candidate;
        END IF;
        candidate := candidate + 1;
    END LOOP;
END;
$$;

CREATE OR REPLACE FUNCTION wait_for_settlement(batch bigint) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    st text;
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        SELECT status INTO st FROM settlement_batches WHERE id = batch;
        PERFORM pg_sleep(5);
    END LOOP;
END;
$$;

CREATE OR REPLACE FUNCTION wait_for_settlement_bounded(batch bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    st text;
    tries integer := 0;
BEGIN
    -- expect-none: db-loops
    WHILE tries < 60 LOOP
        SELECT status INTO st FROM settlement_batches WHERE id = batch;
        IF st IN ('settled', 'failed') THEN
            RETURN st;
        END IF;
        tries := tries + 1;
        PERFORM pg_sleep(5);
    END LOOP;
    RETURN 'timeout';
END;
$$;

CREATE OR REPLACE FUNCTION bump_dunning_level() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    lvl integer := 1;
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        UPDATE accounts SET dunning_level = lvl WHERE overdue_days > lvl * 30 AND dunning_level < lvl;
        lvl := lvl + 1;
    END LOOP;
END;
$$;

CREATE OR REPLACE FUNCTION bump_dunning_level_safe() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    -- expect-none: db-loops
    FOR lvl IN 1..4 LOOP
        UPDATE accounts SET dunning_level = lvl WHERE overdue_days > lvl * 30 AND dunning_level < lvl;
    END LOOP;
END;
$$;

-- Yearly reset run by the billing admin.
-- expect: db-loops/update-without-where
UPDATE accounts SET dunning_level = 0;

-- expect-none: db-loops
UPDATE accounts SET dunning_level = 0 WHERE paid_up = true;

-- expect: db-loops/update-without-where
DELETE FROM usage_events;

-- expect-none: db-loops
DELETE FROM usage_events WHERE recorded_at < now() - interval '13 months';

-- expect-none: db-loops
DELETE FROM usage_events e USING accounts a WHERE e.account_id = a.id AND a.closed;
