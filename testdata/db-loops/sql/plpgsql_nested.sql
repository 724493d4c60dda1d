-- PL/pgSQL for the community garden's plot bookings: loops inside loops.
-- A loop's body runs to the END LOOP that balances its LOOP, so the loops it contains are part of
-- it and an END LOOP inside a string or comment is not its end.

CREATE OR REPLACE FUNCTION assign_plots() RETURNS void AS $$
DECLARE
    w RECORD;
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        FOR w IN SELECT id, plot_wanted FROM waitlist ORDER BY joined_on LOOP
            UPDATE plots SET holder = w.id WHERE id = w.plot_wanted AND holder IS NULL;
        END LOOP;
        PERFORM pg_sleep(300);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION assign_plots_once() RETURNS void AS $$
DECLARE
    w RECORD;
    open_plots int;
BEGIN
    -- expect-none: db-loops
    LOOP
        FOR w IN SELECT id, plot_wanted FROM waitlist ORDER BY joined_on LOOP
            UPDATE plots SET holder = w.id WHERE id = w.plot_wanted AND holder IS NULL;
        END LOOP;
        SELECT count(*) INTO open_plots FROM plots WHERE holder IS NULL;
        EXIT WHEN open_plots = 0;
        PERFORM pg_sleep(300);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION water_schedule() RETURNS void AS $$
DECLARE
    p RECORD;
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    WHILE true LOOP
        FOR p IN SELECT id FROM plots WHERE needs_water LOOP
            INSERT INTO watering_log (plot_id, at) VALUES (p.id, now());
        END LOOP;
        RAISE NOTICE 'round done, EXIT never comes';
        PERFORM pg_sleep(3600);
    END LOOP;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION drain_requests() RETURNS void AS $$
DECLARE
    r RECORD;
BEGIN
    -- expect-none: db-loops
    <<drain>>
    LOOP
        RAISE NOTICE 'END LOOP is below the exit';  -- END LOOP
        SELECT * INTO r FROM plot_requests ORDER BY id LIMIT 1;
        EXIT drain WHEN NOT FOUND;
        DELETE FROM plot_requests WHERE id = r.id;
    END LOOP drain;
END;
$$ LANGUAGE plpgsql;
