-- Nightly maintenance for the ERP reporting database (SQL Server).
-- Scheduled by SQL Agent job "ERP nightly" at 02:00.
SET NOCOUNT ON;

DECLARE @cutoff DATETIME2 = DATEADD(DAY, -180, SYSUTCDATETIME());
DECLARE @batch INT = 5000;
DECLARE @i INT = 0;
DECLARE @orderId INT;
DECLARE @customerId INT;

-- 1. purge old audit rows in batches
DELETE TOP (5000) FROM dbo.AuditLog WHERE LoggedAt < @cutoff;
-- expect-none: db-loops
WHILE @@ROWCOUNT > 0
BEGIN
    DELETE TOP (5000) FROM dbo.AuditLog WHERE LoggedAt < @cutoff;
END;

-- 2. purge old sessions, forgetting to stop
-- expect: db-loops/sql-loop-without-exit
WHILE 1 = 1
BEGIN
    DELETE TOP (1000) FROM dbo.WebSessions WHERE LastSeen < @cutoff;
    WAITFOR DELAY '00:00:01';
END;

-- 3. same, with a proper exit
-- expect-none: db-loops
WHILE 1 = 1
BEGIN
    DELETE TOP (1000) FROM dbo.WebSessions WHERE LastSeen < @cutoff;
    IF @@ROWCOUNT = 0 BREAK;
END;

-- 4. recompute credit limits one customer at a time
DECLARE cust_cur CURSOR LOCAL FAST_FORWARD FOR
    SELECT CustomerId FROM dbo.Customers WHERE Active = 1;
OPEN cust_cur;
FETCH NEXT FROM cust_cur INTO @customerId;
-- expect: db-loops/sql-loop-without-exit
WHILE @@FETCH_STATUS = 0
BEGIN
    UPDATE dbo.Customers
    SET CreditLimit = (SELECT SUM(Total) * 0.2 FROM dbo.Orders WHERE CustomerId = @customerId)
    WHERE CustomerId = @customerId;
END;
CLOSE cust_cur;
DEALLOCATE cust_cur;

-- 5. the fixed version
DECLARE order_cur CURSOR LOCAL FAST_FORWARD FOR
    SELECT OrderId FROM dbo.Orders WHERE Status = 'SHIPPED' AND InvoicedAt IS NULL;
OPEN order_cur;
FETCH NEXT FROM order_cur INTO @orderId;
-- expect-none: db-loops
WHILE @@FETCH_STATUS = 0
BEGIN
    EXEC dbo.CreateInvoice @OrderId = @orderId;
    FETCH NEXT FROM order_cur INTO @orderId;
END;
CLOSE order_cur;
DEALLOCATE order_cur;

-- 6. counter loops
-- expect-none: db-loops
WHILE @i < 12
BEGIN
    INSERT INTO dbo.FiscalPeriods (PeriodNo, StartsOn) VALUES (@i + 1, DATEFROMPARTS(2025, @i + 1, 1));
    SET @i = @i + 1;
END;

SET @i = 0;
-- expect: db-loops/sql-loop-without-exit
WHILE @i < 52
BEGIN
    INSERT INTO dbo.FiscalWeeks (WeekNo) VALUES (@i + 1);
END;

-- 7. wait for the upstream load flag, bounded
SET @i = 0;
-- expect-none: db-loops
WHILE NOT EXISTS (SELECT 1 FROM dbo.LoadStatus WHERE LoadDate = CAST(GETDATE() AS DATE) AND Done = 1)
BEGIN
    SET @i += 1;
    IF @i > 60 BREAK;
    WAITFOR DELAY '00:01:00';
END;

-- 8. refresh flags
-- expect: db-loops/update-without-where
UPDATE dbo.Products SET NeedsReprice = 0;

-- expect-none: db-loops
UPDATE dbo.Products SET NeedsReprice = 1 WHERE ListPrice <> LastListPrice;

-- expect: db-loops/update-without-where
DELETE FROM dbo.ReportCache;

-- expect-none: db-loops
DELETE FROM dbo.ReportCache WHERE BuiltAt < @cutoff;

-- expect-none: db-loops
UPDATE p SET p.LastListPrice = p.ListPrice
FROM dbo.Products AS p
JOIN dbo.PriceChanges AS c ON c.ProductId = p.ProductId
WHERE c.ChangedAt >= @cutoff;

-- 9. bill-of-materials explosion
-- expect-none: db-loops
WITH bom AS (
    SELECT ParentId, ComponentId, Qty, 1 AS Lvl FROM dbo.BillOfMaterials WHERE ParentId = 1001
    UNION ALL
    SELECT b.ParentId, b.ComponentId, b.Qty * x.Qty, x.Lvl + 1
    FROM dbo.BillOfMaterials AS b
    JOIN bom AS x ON b.ParentId = x.ComponentId
    WHERE x.Lvl < 10
)
SELECT ComponentId, SUM(Qty) AS TotalQty FROM bom GROUP BY ComponentId;
