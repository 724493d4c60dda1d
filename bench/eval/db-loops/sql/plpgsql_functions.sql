-- PL/pgSQL helpers for the membership database (written by the club's volunteer treasurer).

CREATE OR REPLACE FUNCTION renew_memberships() RETURNS void AS $$
DECLARE
    m RECORD;
BEGIN
    -- expect-none: db-loops
    FOR m IN SELECT id FROM members WHERE expires_on < current_date LOOP
        UPDATE members SET reminder_sent = true WHERE id = m.id;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION wait_for_payment(p_member int) RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        PERFORM pg_sleep(5);
        UPDATE members SET last_check = now() WHERE id = p_member;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION wait_for_payment_fixed(p_member int) RETURNS boolean AS $$
DECLARE
    paid boolean;
    tries int := 0;
BEGIN
    -- expect-none: db-loops
    LOOP
        SELECT is_paid INTO paid FROM payments WHERE member_id = p_member;
        EXIT WHEN paid OR tries > 60;
        tries := tries + 1;
        PERFORM pg_sleep(5);
    END LOOP;
    RETURN paid;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION purge_logs() RETURNS void AS $$
DECLARE
    n int;
BEGIN
    -- expect-none: db-loops
    WHILE true LOOP
        DELETE FROM access_log WHERE ctid IN (SELECT ctid FROM access_log WHERE at < now() - interval '1 year' LIMIT 5000);
        GET DIAGNOSTICS n = ROW_COUNT;
        EXIT WHEN n = 0;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refresh_dues() RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    WHILE true LOOP
        UPDATE dues SET amount = amount * 1.02 WHERE year = extract(year FROM now());
        PERFORM pg_sleep(3600);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION sync_attendance() RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    <<sync>>
    LOOP
        INSERT INTO attendance_summary SELECT member_id, count(*) FROM attendance GROUP BY member_id
            ON CONFLICT (member_id) DO UPDATE SET visits = EXCLUDED.visits;
        PERFORM pg_sleep(600);
    END LOOP sync;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION next_free_locker() RETURNS int AS $$
DECLARE
    candidate int := 1;
BEGIN
    -- expect-none: db-loops
    LOOP
        IF NOT EXISTS (SELECT 1 FROM lockers WHERE number = candidate) THEN
            RETURN candidate;
        END IF;
        candidate := candidate + 1;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION year_table_rollover() RETURNS void AS $$
DECLARE
    t text;
BEGIN
    -- expect-none: db-loops
    FOREACH t IN ARRAY ARRAY['dues', 'attendance', 'payments'] LOOP
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I_archive (LIKE %I INCLUDING ALL)', t, t);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION heartbeat() RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        INSERT INTO heartbeats (at) VALUES (clock_timestamp());
        COMMIT;
    END LOOP;
END;
$$ LANGUAGE plpgsql;
