-- Roles and users for the finance reporting database (PostgreSQL 15).
-- Run as the cluster admin. Passwords for service users come from the vault; this file
-- was originally written with literals and partially cleaned up.

-- expect-none: credentials
CREATE ROLE reporting_read NOLOGIN;
-- expect-none: credentials
CREATE ROLE reporting_write NOLOGIN;
GRANT USAGE ON SCHEMA finance TO reporting_read;
GRANT SELECT ON ALL TABLES IN SCHEMA finance TO reporting_read;

-- expect: credentials/hardcoded-password
CREATE USER powerbi_gateway WITH PASSWORD 'Erfg+Q8DE*ogN' IN ROLE reporting_read;
-- expect: credentials/hardcoded-password
CREATE ROLE etl_loader LOGIN PASSWORD 'AIAo*TnHy^5Yd' VALID UNTIL '2026-12-31';
-- expect: credentials/hardcoded-password
ALTER USER analyst_maria WITH ENCRYPTED PASSWORD 'ngBaV!JBMQK*S0B';
-- expect: credentials/hardcoded-password
ALTER ROLE tableau_extract PASSWORD 'nBwp&ZGaG+h3FZ';
-- expect-none: credentials
ALTER ROLE tableau_extract PASSWORD NULL;
-- expect-none: credentials
CREATE USER vault_managed WITH PASSWORD :'vault_password';
-- expect-none: credentials
ALTER USER analyst_tom WITH PASSWORD 'md57eb9340051e467ab4a36ee0987b35442';
-- expect-none: credentials
CREATE USER scram_user WITH PASSWORD 'SCRAM-SHA-256$4096:amVLeDBnYlZDM2xyQW1TSjJr$bTE0SUtDemkyRWczaDBwNTRx:R3pUWWRYdDV5Tjg0QmwzV1dX';
-- expect-none: credentials
CREATE USER placeholder_user WITH PASSWORD 'changeme';
-- expect-none: credentials
CREATE USER template_user WITH PASSWORD '${REPORTING_PASSWORD}';
-- expect-none: credentials
CREATE USER psql_var_user WITH PASSWORD '{{ reporting_password }}';

GRANT reporting_read TO powerbi_gateway;
GRANT reporting_write TO etl_loader;

-- Password policy helpers
-- expect-none: credentials
CREATE TABLE finance.password_policy (id serial PRIMARY KEY, min_length int NOT NULL DEFAULT 12, max_age_days int NOT NULL DEFAULT 90);
-- expect-none: credentials
INSERT INTO finance.password_policy (min_length, max_age_days) VALUES (14, 180);
-- expect-none: credentials
COMMENT ON COLUMN finance.app_users.password_hash IS 'bcrypt hash, never the password itself';
-- expect-none: credentials
SELECT usename FROM pg_shadow WHERE passwd IS NULL;

-- Foreign data wrappers to the old ERP and the shop database
CREATE EXTENSION IF NOT EXISTS postgres_fdw;
CREATE EXTENSION IF NOT EXISTS mysql_fdw;
CREATE SERVER erp_legacy FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host '10.2.0.8', port '5432', dbname 'erp');
-- expect: credentials/hardcoded-password
CREATE USER MAPPING FOR etl_loader SERVER erp_legacy OPTIONS (user 'erp_reader', password 'WibY=v7D.k3i');
-- expect-none: credentials
CREATE USER MAPPING FOR reporting_read SERVER erp_legacy OPTIONS (user 'erp_reader');
CREATE SERVER shop_mysql FOREIGN DATA WRAPPER mysql_fdw OPTIONS (host 'shop-db.acme-internal.com', port '3306');
-- expect: credentials/hardcoded-password
CREATE USER MAPPING FOR PUBLIC SERVER shop_mysql OPTIONS (username 'shop_ro', password 'uBR*owFgs.1YpX');
-- expect: credentials/hardcoded-password
ALTER USER MAPPING FOR etl_loader SERVER erp_legacy OPTIONS (SET password 'uefiP^oiN!9KW');
-- expect: credentials/connection-string-password
SELECT dblink_connect('erp', 'host=10.2.0.8 dbname=erp user=erp_reader password=FbAzj.HdKC.4fc');
-- expect-none: credentials
SELECT dblink_connect('erp_local', 'dbname=erp');
