-- Integration jobs scheduled with pg_cron and SQL Agent. Reviewed 2025-03.

-- expect-none: credentials
SELECT cron.schedule('nightly-export', '0 2 * * *', $$CALL export_ledger()$$);

-- expect: credentials/connection-string-password
SELECT cron.schedule('sync-shop', '*/15 * * * *', $$SELECT dblink_exec('host=shop-db user=sync password=Erfg+Q8DE*ogN dbname=shop', 'CALL sync_orders()')$$);

-- Postgres subscription to the shop database (logical replication)
-- expect: credentials/connection-string-password
CREATE SUBSCRIPTION shop_orders CONNECTION 'host=shop-db.acme-internal.com port=5432 user=replicator password=AIAo*TnHy^5Yd dbname=shop' PUBLICATION orders_pub;
-- expect-none: credentials
CREATE SUBSCRIPTION shop_orders_pgpass CONNECTION 'host=shop-db.acme-internal.com port=5432 user=replicator dbname=shop' PUBLICATION orders_pub;
-- expect: credentials/hardcoded-password
CREATE SERVER crm_fdw FOREIGN DATA WRAPPER oracle_fdw OPTIONS (dbserver '//crm-db:1521/CRM', password 'ngBaV!JBMQK*S0B');

-- Webhook targets kept in a table read by the notifier job
CREATE TABLE notify_targets (name text PRIMARY KEY, url text NOT NULL);
-- expect: credentials/discord-credential
INSERT INTO notify_targets VALUES ('discord-ops', 'https://discord.com/api/webhooks/505736121930568455/Fu2aWo-C7VLotddxg7qACPVsOnA66cKIFTmxrrjtjVmd4xI0zvy4Zr9moEHZhNX2xGqc');
-- expect: credentials/zapier-webhook
INSERT INTO notify_targets VALUES ('zap-leads', 'https://hooks.zapier.com/hooks/catch/88083706/5cv39z/');
-- expect: credentials/slack-webhook
INSERT INTO notify_targets VALUES ('slack-finance', 'https://hooks.slack.com/services/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');
-- expect-none: credentials
INSERT INTO notify_targets VALUES ('teams-placeholder', 'https://example.webhook.office.com/webhookb2/xxxx');
-- expect: credentials/telegram-bot-token
INSERT INTO notify_targets VALUES ('telegram', 'https://api.telegram.org/bot3128632026:AA0YsHh47lft6zNHIA33NbEI3p85cRbGIEV/sendMessage');

-- API keys the enrichment job uses (to be moved to Vault, ticket FIN-2291)
CREATE TABLE api_keys (service text PRIMARY KEY, key text NOT NULL);
-- expect: credentials/openai-api-key
INSERT INTO api_keys VALUES ('openai', 'sk-proj-5gO-V_RrwlIM5dcJjWpwIqulpwIKak99neEC7C6JYMiznF6ytTBURaHyx49wQOmCb5k5T3BlbkFJbS2Sd6CRSH2D6oqM79-O36jKkv-0GhTnrU_D4J1_pmHdNZ1');
-- expect: credentials/github-token
INSERT INTO api_keys VALUES ('github', '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');
-- expect: credentials/huggingface-token
INSERT INTO api_keys VALUES ('huggingface', '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');
-- expect: credentials/notion-token
INSERT INTO api_keys VALUES ('notion', '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');
-- expect: credentials/linear-api-key
INSERT INTO api_keys VALUES ('linear', 'lin_api_AdJ1L46zh3P9Zb9C2ITvrhqLksAv4FUzWcPDxNG0');
-- expect-none: credentials
INSERT INTO api_keys VALUES ('placeholder', '<set in vault>');
-- expect-none: credentials
INSERT INTO api_keys VALUES ('uuid-only', '190d86ce-9595-f0c7-0044-2d2dad4da2e7');

/* SQL Server Agent job step: the proxy credential holds the file-share password */
-- expect: credentials/hardcoded-password
CREATE CREDENTIAL FileShareCred WITH IDENTITY = 'ACME\svc_fileshare', SECRET = 'aac-q32*AD';
-- expect-none: credentials
EXEC msdb.dbo.sp_add_proxy @proxy_name = N'FileShareProxy', @credential_name = N'FileShareCred', @enabled = 1;
-- expect: credentials/hardcoded-password
EXEC sp_addlinkedsrvlogin 'SHOPDB', 'false', NULL, 'shop_read', 'pUT^7S03+BaI';
-- expect-none: credentials
EXEC sp_addlinkedsrvlogin 'SHOPDB', 'true';
