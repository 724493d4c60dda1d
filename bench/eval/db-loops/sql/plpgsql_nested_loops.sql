-- PL/pgSQL jobs for the school district's enrolment database (maintained by the data coordinator).

CREATE OR REPLACE FUNCTION sync_class_rosters() RETURNS void AS $$
DECLARE
    s RECORD;
BEGIN
    -- the outer poller never stops; the FOR loop inside it is bounded by its query
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        FOR s IN SELECT id, class_id FROM enrolments WHERE synced = false LOOP
            UPDATE class_rosters SET headcount = headcount + 1 WHERE class_id = s.class_id;
            UPDATE enrolments SET synced = true WHERE id = s.id;
        END LOOP;
        PERFORM pg_sleep(60);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION sync_class_rosters_until_done() RETURNS void AS $$
DECLARE
    s RECORD;
    pending int;
BEGIN
    -- expect-none: db-loops
    LOOP
        FOR s IN SELECT id, class_id FROM enrolments WHERE synced = false LIMIT 500 LOOP
            UPDATE class_rosters SET headcount = headcount + 1 WHERE class_id = s.class_id;
            UPDATE enrolments SET synced = true WHERE id = s.id;
        END LOOP;
        SELECT count(*) INTO pending FROM enrolments WHERE synced = false;
        EXIT WHEN pending = 0;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION refresh_attendance() RETURNS void AS $$
DECLARE
    d date;
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    WHILE true LOOP
        FOR d IN SELECT generate_series(current_date - 7, current_date, interval '1 day')::date LOOP
            INSERT INTO attendance_daily (day, present)
            SELECT d, count(*) FROM attendance WHERE seen_on = d
            ON CONFLICT (day) DO UPDATE SET present = EXCLUDED.present;
        END LOOP;
        PERFORM pg_sleep(900);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION drain_grade_queue() RETURNS void AS $$
DECLARE
    job RECORD;
BEGIN
    -- a notice that names the loop's end, then the exit
    -- expect-none: db-loops
    LOOP
        RAISE NOTICE 'draining grade queue; END LOOP when it is empty';
        -- END LOOP comes after the exit test below
        SELECT * INTO job FROM grade_queue ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED;
        IF NOT FOUND THEN
            EXIT;
        END IF;
        UPDATE grades SET score = job.score WHERE student_id = job.student_id;
        DELETE FROM grade_queue WHERE id = job.id;
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION watch_transfers() RETURNS void AS $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    <<watch>>
    LOOP
        RAISE NOTICE 'no EXIT: runs until the session is killed';
        UPDATE transfers SET checked_at = now() WHERE status = 'requested';
        PERFORM pg_sleep(30);
    END LOOP watch;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION copy_terms() RETURNS void AS $$
DECLARE
    t RECORD;
    c RECORD;
BEGIN
    -- expect-none: db-loops
    <<terms>>
    LOOP
        FOR t IN SELECT id FROM terms WHERE copied = false LOOP
            FOR c IN SELECT id FROM courses WHERE term_id = t.id LOOP
                INSERT INTO course_archive SELECT * FROM courses WHERE id = c.id;
            END LOOP;
            UPDATE terms SET copied = true WHERE id = t.id;
        END LOOP;
        EXIT terms WHEN NOT EXISTS (SELECT 1 FROM terms WHERE copied = false);
    END LOOP terms;
END;
$$ LANGUAGE plpgsql;
