-- SQL Agent jobs for the retail reporting server. Owner: BI analyst (self-taught T-SQL).

CREATE OR ALTER PROCEDURE dbo.archive_sales
AS
BEGIN
    SET NOCOUNT ON;
    -- expect-none: db-loops
    WHILE 1 = 1
    BEGIN
        DELETE TOP (10000) FROM dbo.sales_raw
        OUTPUT deleted.* INTO dbo.sales_archive
        WHERE sold_at < DATEADD(month, -18, GETDATE());
        IF @@ROWCOUNT = 0 BREAK;
        WAITFOR DELAY '00:00:01';
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.keep_snapshot_fresh
AS
BEGIN
    SET NOCOUNT ON;
    -- expect: db-loops/sql-loop-without-exit
    WHILE 1 = 1
    BEGIN
        TRUNCATE TABLE dbo.store_snapshot;
        INSERT INTO dbo.store_snapshot SELECT store_id, SUM(amount) FROM dbo.sales_raw GROUP BY store_id;
        WAITFOR DELAY '00:10:00';
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.price_updates
AS
BEGIN
    DECLARE @sku VARCHAR(32), @price MONEY;
    DECLARE price_cur CURSOR LOCAL FAST_FORWARD FOR
        SELECT sku, new_price FROM dbo.price_changes WHERE applied = 0;
    OPEN price_cur;
    FETCH NEXT FROM price_cur INTO @sku, @price;
    -- expect: db-loops/sql-loop-without-exit
    WHILE @@FETCH_STATUS = 0
    BEGIN
        UPDATE dbo.products SET price = @price WHERE sku = @sku;
        UPDATE dbo.price_changes SET applied = 1 WHERE sku = @sku;
    END;
    CLOSE price_cur;
    DEALLOCATE price_cur;
END;
GO

CREATE OR ALTER PROCEDURE dbo.price_updates_fixed
AS
BEGIN
    DECLARE @sku VARCHAR(32), @price MONEY;
    DECLARE price_cur CURSOR LOCAL FAST_FORWARD FOR
        SELECT sku, new_price FROM dbo.price_changes WHERE applied = 0;
    OPEN price_cur;
    FETCH NEXT FROM price_cur INTO @sku, @price;
    -- expect-none: db-loops
    WHILE @@FETCH_STATUS = 0
    BEGIN
        UPDATE dbo.products SET price = @price WHERE sku = @sku;
        FETCH NEXT FROM price_cur INTO @sku, @price;
    END;
    CLOSE price_cur;
    DEALLOCATE price_cur;
END;
GO

CREATE OR ALTER PROCEDURE dbo.build_calendar
AS
BEGIN
    DECLARE @d DATE = '2020-01-01';
    -- expect-none: db-loops
    WHILE @d < '2031-01-01'
    BEGIN
        INSERT INTO dbo.calendar (day) VALUES (@d);
        SET @d = DATEADD(day, 1, @d);
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.wait_for_feed
AS
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    WHILE (1 = 1)
    BEGIN
        IF EXISTS (SELECT 1 FROM dbo.feed_status WHERE feed = 'pos' AND ready = 1)
            PRINT 'ready';
        WAITFOR DELAY '00:01:00';
    END
END;
GO

CREATE OR ALTER PROCEDURE dbo.wait_for_feed_fixed
AS
BEGIN
    DECLARE @tries INT = 0;
    -- expect-none: db-loops
    WHILE (1 = 1)
    BEGIN
        IF EXISTS (SELECT 1 FROM dbo.feed_status WHERE feed = 'pos' AND ready = 1) RETURN;
        SET @tries += 1;
        IF @tries > 60 THROW 50001, 'feed not ready', 1;
        WAITFOR DELAY '00:01:00';
    END
END;
GO

CREATE OR ALTER PROCEDURE dbo.stuck_counter
AS
BEGIN
    DECLARE @i INT = 0;
    -- expect: db-loops/sql-loop-without-exit
    WHILE @i < 100
    BEGIN
        INSERT INTO dbo.audit_ping (at) VALUES (SYSDATETIME());
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.reset_staging
AS
BEGIN
    -- expect: db-loops/update-without-where
    DELETE FROM dbo.sales_staging;
    -- expect-none: db-loops
    DELETE FROM dbo.sales_staging_errors WHERE loaded_at < DATEADD(day, -7, GETDATE());
    -- expect-none: db-loops
    DELETE FROM #work_rows;
    -- expect: db-loops/update-without-where
    UPDATE dbo.products SET discontinued = 0;
    -- expect-none: db-loops
    UPDATE dbo.products SET discontinued = 1 WHERE sku IN (SELECT sku FROM dbo.eol_list);
END;
GO
