-- Quarterly price update scripts (PostgreSQL). Run by the pricing analyst
-- from DBeaver, one block at a time.

-- 1. Reset the promo flags before loading the new promo list.
-- expect: db-loops/update-without-where
UPDATE products SET on_promo = false, promo_price = NULL;

-- expect-none: db-loops
UPDATE products SET on_promo = true, promo_price = p.price
FROM promo_list p
WHERE p.sku = products.sku;

-- 2. Uplift all list prices by 4 %.
-- expect: db-loops/update-without-where
UPDATE price_list
SET amount = round(amount * 1.04, 2), updated_at = now();

-- expect-none: db-loops
UPDATE price_list
SET amount = round(amount * 1.04, 2), updated_at = now()
WHERE region = 'EU' AND valid_to IS NULL;

-- 3. Round prices up to .99 in batches.
DO $$
DECLARE
    touched integer;
BEGIN
    -- expect-none: db-loops
    LOOP
        UPDATE price_list SET amount = floor(amount) + 0.99
        WHERE id IN (SELECT id FROM price_list WHERE amount <> floor(amount) + 0.99 LIMIT 1000);
        GET DIAGNOSTICS touched = ROW_COUNT;
        EXIT WHEN touched = 0;
    END LOOP;
END $$;

-- 4. Same idea, but the exit was lost in an edit.
DO $$
DECLARE
    touched integer;
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    LOOP
        UPDATE price_list SET amount = floor(amount) + 0.99
        WHERE id IN (SELECT id FROM price_list WHERE amount <> floor(amount) + 0.99 LIMIT 1000);
        GET DIAGNOSTICS touched = ROW_COUNT;
        RAISE NOTICE 'rounded % prices', touched;
    END LOOP;
END $$;

-- 5. Wait for the ERP price feed.
DO $$
BEGIN
    -- expect: db-loops/sql-loop-without-exit
    WHILE true LOOP
        PERFORM 1 FROM feed_status WHERE feed = 'erp_prices' AND loaded_on = current_date;
        PERFORM pg_sleep(30);
    END LOOP;
END $$;

DO $$
BEGIN
    -- expect-none: db-loops
    WHILE NOT EXISTS (SELECT 1 FROM feed_status WHERE feed = 'erp_prices' AND loaded_on = current_date) LOOP
        PERFORM pg_sleep(30);
    END LOOP;
END $$;

-- 6. Archive and clear the old price history.
INSERT INTO price_history_archive SELECT * FROM price_history WHERE changed_at < now() - interval '2 years';
-- expect-none: db-loops
DELETE FROM price_history WHERE changed_at < now() - interval '2 years';
-- expect: db-loops/update-without-where
DELETE FROM price_history_staging;
