-- Nightly maintenance for the regional sales warehouse (SQL Server).
-- Owner: BI team. Scheduled by SQL Agent at 01:30.

CREATE OR ALTER PROCEDURE dbo.purge_audit_log
AS
BEGIN
    SET NOCOUNT ON;
    -- Deletes in chunks so the log does not explode; stops when nothing is left.
    WHILE 1 = 1
    BEGIN
        DELETE TOP (5000) FROM dbo.audit_log WHERE logged_at < DATEADD(year, -2, GETDATE());
        IF @@ROWCOUNT = 0 BREAK;
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.refresh_pipeline_snapshot
AS
BEGIN
    SET NOCOUNT ON;
    -- expect: db-loops/sql-loop-without-exit
    WHILE 1 = 1
    BEGIN
        INSERT INTO dbo.pipeline_snapshot (deal_id, stage, captured_at)
        SELECT deal_id, stage, SYSDATETIME() FROM dbo.deals WHERE stage <> 'closed';
        WAITFOR DELAY '00:05:00';
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.recalc_commissions
AS
BEGIN
    DECLARE @deal_id INT;
    DECLARE deal_cursor CURSOR LOCAL FAST_FORWARD FOR
        SELECT deal_id FROM dbo.deals WHERE commission IS NULL;
    OPEN deal_cursor;
    FETCH NEXT FROM deal_cursor INTO @deal_id;
    -- expect: db-loops/sql-loop-without-exit
    WHILE @@FETCH_STATUS = 0
    BEGIN
        UPDATE dbo.deals SET commission = amount * 0.05 WHERE deal_id = @deal_id;
    END;
    CLOSE deal_cursor;
    DEALLOCATE deal_cursor;
END;
GO

CREATE OR ALTER PROCEDURE dbo.recalc_bonuses
AS
BEGIN
    DECLARE @rep_id INT;
    DECLARE rep_cursor CURSOR LOCAL FAST_FORWARD FOR SELECT rep_id FROM dbo.reps;
    OPEN rep_cursor;
    FETCH NEXT FROM rep_cursor INTO @rep_id;
    WHILE @@FETCH_STATUS = 0
    BEGIN
        UPDATE dbo.reps SET bonus = dbo.fn_bonus(@rep_id) WHERE rep_id = @rep_id;
        FETCH NEXT FROM rep_cursor INTO @rep_id;
    END;
    CLOSE rep_cursor;
    DEALLOCATE rep_cursor;
END;
GO

CREATE OR ALTER PROCEDURE dbo.backfill_regions
AS
BEGIN
    DECLARE @batch INT = 0;
    WHILE @batch < 10
    BEGIN
        UPDATE TOP (1000) dbo.customers SET region = 'EMEA' WHERE region IS NULL AND country IN ('DE', 'FR');
        SET @batch = @batch + 1;
    END;
    WHILE (1 = 1)
    BEGIN
        UPDATE TOP (1000) dbo.customers SET region = 'AMER' WHERE region IS NULL AND country = 'US';
        IF @@ROWCOUNT < 1000
            RETURN;
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.fill_test_rows
AS
BEGIN
    DECLARE @n INT = 0;
    -- expect: db-loops/sql-loop-without-exit
    WHILE @n < 500
    BEGIN
        INSERT INTO dbo.test_rows (created_at) VALUES (SYSDATETIME());
    END;
END;
GO

CREATE OR ALTER PROCEDURE dbo.fill_test_rows_fixed
AS
BEGIN
    DECLARE @n INT = 0;
    WHILE @n < 500
    BEGIN
        INSERT INTO dbo.test_rows (created_at) VALUES (SYSDATETIME());
        SET @n = @n + 1;
    END;
END;
GO
