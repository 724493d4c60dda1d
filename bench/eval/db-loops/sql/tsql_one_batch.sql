-- Nightly clean-up script for the warehouse staging database, run by SQL Agent as one batch
-- (no GO separators: the job step runs the whole file). Written by the finance analytics team.

SET NOCOUNT ON;
DECLARE @batch INT = 5000;
DECLARE @i INT = 0;
DECLARE @rows INT;
DECLARE @order_id INT, @customer_id INT, @amount MONEY, @msg NVARCHAR(400);

-- 1. keep the feed table warm until the loader picks it up
-- expect: db-loops/sql-loop-without-exit
WHILE 1 = 1
BEGIN
    IF EXISTS (SELECT 1 FROM stg.feed_status WHERE feed = 'orders' AND ready = 1)
    BEGIN
        UPDATE stg.feed_status SET picked_at = SYSDATETIME() WHERE feed = 'orders';
        PRINT 'orders feed picked up';
    END
    WAITFOR DELAY '00:00:30';
END

-- 2. purge old audit rows in chunks
-- expect-none: db-loops
WHILE 1 = 1
BEGIN
    DELETE TOP (@batch) FROM stg.audit_rows WHERE logged_at < DATEADD(day, -90, SYSDATETIME());
    SET @rows = @@ROWCOUNT;
    IF @rows = 0
    BEGIN
        PRINT 'audit purge done';
        BREAK;
    END
    WAITFOR DELAY '00:00:01';
END

-- 3. re-price open orders with a cursor (forgot to fetch the next row)
DECLARE open_orders CURSOR LOCAL FAST_FORWARD FOR
    SELECT order_id, customer_id, amount FROM stg.orders WHERE status = 'open';
OPEN open_orders;
FETCH NEXT FROM open_orders INTO @order_id, @customer_id, @amount;
-- expect: db-loops/sql-loop-without-exit
WHILE @@FETCH_STATUS = 0
BEGIN
    UPDATE stg.orders
    SET amount = CASE WHEN @amount < 0 THEN 0 ELSE @amount END,
        status = CASE status WHEN 'open' THEN 'repriced' ELSE status END
    WHERE order_id = @order_id;
END
CLOSE open_orders;
DEALLOCATE open_orders;

-- 4. the same for returns, fetching inside TRY/CATCH
DECLARE open_returns CURSOR LOCAL FAST_FORWARD FOR
    SELECT order_id, amount FROM stg.returns WHERE status = 'open';
OPEN open_returns;
FETCH NEXT FROM open_returns INTO @order_id, @amount;
-- expect-none: db-loops
WHILE @@FETCH_STATUS = 0
BEGIN
    BEGIN TRY
        UPDATE stg.returns SET status = 'credited' WHERE order_id = @order_id;
    END TRY
    BEGIN CATCH
        SET @msg = ERROR_MESSAGE();
        INSERT INTO stg.errors (order_id, message) VALUES (@order_id, @msg);
    END CATCH
    BEGIN TRY
        FETCH NEXT FROM open_returns INTO @order_id, @amount;
    END TRY
    BEGIN CATCH
        PRINT 'fetch failed';
    END CATCH
END
CLOSE open_returns;
DEALLOCATE open_returns;

-- 5. week buckets: the counter is never advanced
-- expect: db-loops/sql-loop-without-exit
WHILE @i < 52
BEGIN
    BEGIN TRANSACTION;
    INSERT INTO stg.week_buckets (week_no, label) VALUES (@i, CONCAT('W', @i));
    COMMIT TRANSACTION;
END

-- 6. month buckets: the counter is advanced inside an IF block
SET @i = 1;
-- expect-none: db-loops
WHILE @i <= 12
BEGIN
    INSERT INTO stg.month_buckets (month_no) VALUES (@i);
    IF @i % 3 = 0
    BEGIN
        INSERT INTO stg.quarter_buckets (quarter_no) VALUES (@i / 3);
    END
    ELSE
    BEGIN
        PRINT 'not a quarter end';
    END
    SET @i += 1;
END

-- 7. a message that mentions the end of the loop, then the exit
-- expect-none: db-loops
WHILE 1 = 1
BEGIN
    PRINT 'BEGIN purge of stg.click_log; END when nothing is left';
    /* END of the chunk: the BREAK below stops the loop */
    DELETE TOP (@batch) FROM stg.click_log WHERE clicked_at < DATEADD(day, -30, SYSDATETIME());
    IF @@ROWCOUNT = 0 BREAK;
END

-- 8. a comment that promises an exit the code does not have
-- expect: db-loops/sql-loop-without-exit
WHILE 1 = 1
BEGIN
    -- TODO: BREAK when the queue is empty
    EXEC stg.process_next_message;
    PRINT 'no RETURN here yet';
END

-- 9. transaction per chunk, exit after the commit
-- expect-none: db-loops
WHILE 1 = 1
BEGIN
    BEGIN TRANSACTION;
    UPDATE TOP (@batch) stg.customers SET region = 'EU' WHERE region IS NULL AND country IN ('DE', 'FR');
    SET @rows = @@ROWCOUNT;
    COMMIT TRANSACTION;
    IF @rows = 0 BREAK;
END

-- 10. single-statement loop body: the counter never changes
SET @i = 0;
-- expect: db-loops/sql-loop-without-exit
WHILE @i < 10 INSERT INTO stg.heartbeat (at) VALUES (SYSDATETIME());

-- 11. single-statement loop body that advances the counter
SET @i = 0;
-- expect-none: db-loops
WHILE @i < 10 SET @i = @i + 1;

-- 12. nested IF ... ELSE with the fetch in the ELSE branch
DECLARE stale_customers CURSOR LOCAL FAST_FORWARD FOR
    SELECT customer_id FROM stg.customers WHERE last_order_at < DATEADD(year, -3, SYSDATETIME());
OPEN stale_customers;
FETCH NEXT FROM stale_customers INTO @customer_id;
-- expect-none: db-loops
WHILE @@FETCH_STATUS = 0
BEGIN
    IF @customer_id IS NULL
    BEGIN
        PRINT 'skipping an empty id';
        FETCH NEXT FROM stale_customers INTO @customer_id;
    END
    ELSE
    BEGIN
        UPDATE stg.customers SET archived = 1 WHERE customer_id = @customer_id;
        FETCH NEXT FROM stale_customers INTO @customer_id;
    END
END
CLOSE stale_customers;
DEALLOCATE stale_customers;

-- 13. the last loop of the batch: it exits, and its BREAK must not count for loops above
SET @i = 0;
-- expect-none: db-loops
WHILE @i < 1000
BEGIN
    SET @i += 1;
    IF NOT EXISTS (SELECT 1 FROM stg.pending_jobs) BREAK;
    EXEC stg.run_next_job;
END
