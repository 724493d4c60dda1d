-- Reporting roles for the finance data mart.
-- Run by the data team after each quarterly refresh.
-- Passwords are set by the DBA from the vault; never commit them here.

CREATE ROLE finance_readers NOLOGIN;
GRANT USAGE ON SCHEMA mart TO finance_readers;
GRANT SELECT ON ALL TABLES IN SCHEMA mart TO finance_readers;

-- expect: credentials/hardcoded-password
CREATE USER tableau_svc WITH PASSWORD 'IxpWq^DWAc16';
GRANT finance_readers TO tableau_svc;

-- expect: credentials/hardcoded-password
ALTER ROLE etl_loader WITH LOGIN PASSWORD 'NeRZx&rGTpsC';

-- Hashed (SCRAM) passwords are not plaintext secrets:
ALTER ROLE etl_reader PASSWORD 'SCRAM-SHA-256$4096:c2FsdHNhbHQ=$a2V5a2V5a2V5:c2VydmVyc2VydmVy';
-- psql variables and empty passwords are fine:
CREATE USER looker_svc WITH PASSWORD :'looker_password';
ALTER USER looker_svc WITH PASSWORD NULL;
CREATE USER tmp_user WITH PASSWORD 'changeme';

-- expect: credentials/hardcoded-password
CREATE USER 'budget_app'@'%' IDENTIFIED BY 'kvDMR!xJTEMU';
-- expect: credentials/hardcoded-password
ALTER USER 'budget_app'@'localhost' IDENTIFIED WITH mysql_native_password BY 'xceqr%Cj7SQP';

-- expect: credentials/hardcoded-password
CREATE LOGIN payroll_reader WITH PASSWORD = 'rxqH9@KUYKdH';

CREATE SERVER legacy_erp FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'erp.internal', dbname 'erp');
-- expect: credentials/hardcoded-password
CREATE USER MAPPING FOR etl_loader SERVER legacy_erp OPTIONS (user 'erp_ro', password 'QYiOz#cJJY0z');

-- Application tables: these columns hold hashes and password policy, not secrets.
CREATE TABLE app_users (
  id BIGSERIAL PRIMARY KEY,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  password_changed_at TIMESTAMPTZ,
  api_token_last4 CHAR(4)
);

SELECT id, email FROM app_users WHERE password_hash = 'f018cc7c0ce6ebf2675b2b6575edbbcaaa7d9257d13236d3f069f674fed077f7';
UPDATE app_users SET password_changed_at = now() WHERE email = 'ops@corp-example.com';
INSERT INTO settings (name, value) VALUES ('password_min_length', '12');

-- expect: credentials/connection-string-password
SELECT dblink_connect('erp', 'host=erp.internal dbname=erp user=erp_ro password=8O1ut@qjO0oq');
SELECT dblink_connect('erp_env', 'host=erp.internal dbname=erp user=erp_ro');
