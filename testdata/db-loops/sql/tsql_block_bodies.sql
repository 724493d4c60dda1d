-- Volunteer-run T-SQL job for the food bank's inventory database: one batch, no GO.
-- Each WHILE body is its BEGIN ... END block (or one statement), never the rest of the batch.

DECLARE @n INT = 0, @left INT, @sku VARCHAR(20), @note NVARCHAR(200);

-- An exit-less poller followed by a loop that does exit: the later BREAK is not this loop's.
-- expect: db-loops/sql-loop-without-exit
WHILE 1 = 1
BEGIN
    IF EXISTS (SELECT 1 FROM dbo.deliveries WHERE status = 'arrived')
    BEGIN
        UPDATE dbo.deliveries SET status = 'received' WHERE status = 'arrived';
    END
    ELSE
    BEGIN
        PRINT 'nothing arrived';
    END
    WAITFOR DELAY '00:05:00';
END

-- expect-none: db-loops
WHILE 1 = 1
BEGIN
    DELETE TOP (1000) FROM dbo.expired_stock WHERE best_before < GETDATE();
    IF @@ROWCOUNT < 1000
    BEGIN
        BREAK;
    END
END

-- A cursor loop that never fetches, then one that fetches inside TRY/CATCH.
DECLARE shelf CURSOR LOCAL FOR SELECT sku FROM dbo.shelves WHERE counted = 0;
OPEN shelf;
FETCH NEXT FROM shelf INTO @sku;
-- expect: db-loops/sql-loop-without-exit
WHILE @@FETCH_STATUS = 0
BEGIN
    BEGIN TRANSACTION;
    UPDATE dbo.shelves SET counted = 1 WHERE sku = @sku;
    COMMIT TRANSACTION;
END
CLOSE shelf;
DEALLOCATE shelf;

DECLARE bins CURSOR LOCAL FOR SELECT sku FROM dbo.bins WHERE counted = 0;
OPEN bins;
FETCH NEXT FROM bins INTO @sku;
-- expect-none: db-loops
WHILE @@FETCH_STATUS = 0
BEGIN
    BEGIN TRY
        UPDATE dbo.bins SET counted = 1 WHERE sku = @sku;
        FETCH NEXT FROM bins INTO @sku;
    END TRY
    BEGIN CATCH
        SET @note = CONCAT('bin ', @sku, ': ', ERROR_MESSAGE());
        PRINT @note;
        FETCH NEXT FROM bins INTO @sku;
    END CATCH
END
CLOSE bins;
DEALLOCATE bins;

-- A counter loop that never counts; INSERT INTO ... VALUES (@n) does not change @n.
-- expect: db-loops/sql-loop-without-exit
WHILE @n < 7
BEGIN
    INSERT INTO dbo.weekday_slots (day_no, label)
    VALUES (@n, CASE @n WHEN 0 THEN 'Sun' WHEN 6 THEN 'Sat' ELSE 'Weekday' END);
END

-- The same loop, counting; the strings and comments naming END do not end the body early.
SET @n = 0;
-- expect-none: db-loops
WHILE @n < 7
BEGIN
    PRINT 'END of week check';  -- END
    /* BEGIN of the slot */
    INSERT INTO dbo.weekday_slots (day_no, label) VALUES (@n, 'slot');
    SET @n += 1;
END

-- A comment and a message promise an exit that is not there.
-- expect: db-loops/sql-loop-without-exit
WHILE (1 = 1)
BEGIN
    -- RETURN once the donations queue is empty
    EXEC dbo.import_next_donation;
    PRINT 'see BREAK in the runbook';
END

-- Single-statement bodies (an OUTPUT parameter changes the variable).
SET @left = 10;
-- expect: db-loops/sql-loop-without-exit
WHILE @left > 0 EXEC dbo.send_reminder @left;

SET @left = 10;
-- expect-none: db-loops
WHILE @left > 0 EXEC dbo.send_reminder @left OUTPUT;

-- expect-none: db-loops
WHILE @left > 0
    SET @left = @left - 1;
