-- Loads for the analytics warehouse: SQL Server staging, Snowflake and Redshift.
-- Credentials should live in the scheduler's connection store, not in these scripts.

/* ---------- SQL Server staging ---------- */
-- expect: credentials/hardcoded-password
CREATE LOGIN ssis_loader WITH PASSWORD = 'duFx=3il5^RrK0', CHECK_POLICY = ON;
-- expect-none: credentials
CREATE LOGIN [ACME\svc_reporting] FROM WINDOWS;
-- expect: credentials/hardcoded-password
ALTER LOGIN powerbi WITH PASSWORD = 'Cbbr^yhlr7.KR' OLD_PASSWORD = 'fhl-sOaS0^5EEg';
-- expect: credentials/hardcoded-password
CREATE DATABASE SCOPED CREDENTIAL BlobCred WITH IDENTITY = 'SHARED ACCESS SIGNATURE', SECRET = 'eEC7C6JYMiznF6ytTBURaHyx49wQOmCb5k5pbS2Sd6%3D';
-- expect: credentials/hardcoded-password
CREATE MASTER KEY ENCRYPTION BY PASSWORD = 'vwq+D0h&DEF';
-- expect-none: credentials
CREATE DATABASE SCOPED CREDENTIAL ManagedCred WITH IDENTITY = 'Managed Identity';
-- expect: credentials/hardcoded-password
EXEC sp_addlinkedsrvlogin @rmtsrvname = 'ERP01', @useself = 'false', @rmtuser = 'erp_read', @rmtpassword = 'UPBD^sS53f&9RFA';
-- expect: credentials/connection-string-password
SELECT * FROM OPENROWSET('SQLNCLI', 'Server=erp01;Database=ERP;Uid=erp_read;Pwd=VGYqL!Mg4i_0oX;', 'SELECT * FROM dbo.Invoices');
-- expect-none: credentials
SELECT * FROM OPENROWSET('SQLNCLI', 'Server=erp01;Trusted_Connection=yes;', 'SELECT * FROM dbo.Invoices');

DECLARE @since date = DATEADD(day, -1, CAST(GETDATE() AS date));
-- expect-none: credentials
DECLARE @password_hint nvarchar(100) = N'see the team vault';
-- expect-none: credentials
DECLARE @token_expiry int = 3600;
INSERT INTO staging.invoices SELECT * FROM erp.dbo.invoices WHERE modified >= @since;

/* ---------- Snowflake ---------- */
-- expect: credentials/aws-access-key-id
-- expect: credentials/aws-secret-access-key
CREATE OR REPLACE STAGE raw.s3_exports URL = 's3://acme-exports/daily/' CREDENTIALS = (AWS_KEY_ID = 'AKIA4R27HGQBTZ2RTX6M' AWS_SECRET_KEY = '4mgYake+BSDv2iFeuS0HOkJ9C1hnsSSIIpeUxT0u');
-- expect-none: credentials
CREATE OR REPLACE STAGE raw.s3_exports_int URL = 's3://acme-exports/daily/' STORAGE_INTEGRATION = s3_exports_int;
-- expect: credentials/azure-storage-key
CREATE OR REPLACE STAGE raw.azure_exports URL = 'azure://acmeexports.blob.core.windows.net/daily' CREDENTIALS = (AZURE_SAS_TOKEN = '?sv=2022-11-02&ss=b&srt=co&sp=rl&se=2026-06-30T00:00:00Z&sig=Rcm0EA6Gk8htj%2Bwf0gZpc5RIpGuK0Q%2BYe6UamnabfI%3D');
-- expect: credentials/hardcoded-password
ALTER USER looker_svc SET PASSWORD = 'qoh+lp7U^7S0';
-- expect-none: credentials
ALTER USER looker_svc SET RSA_PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA3yvBaISmxb3soiNJ3vQEZ1HvIoicsONUggbjrqkCCPsVdj8F0dY7UitOZEqThxXl';
-- expect-none: credentials
ALTER USER looker_svc SET MUST_CHANGE_PASSWORD = TRUE;
COPY INTO raw.orders FROM @raw.s3_exports/orders/ FILE_FORMAT = (TYPE = 'CSV' SKIP_HEADER = 1);

/* ---------- Redshift ---------- */
-- expect: credentials/aws-access-key-id
-- expect: credentials/aws-secret-access-key
COPY analytics.events FROM 's3://acme-events/2025/' CREDENTIALS 'aws_access_key_id=AKIAV5BR5T36BXG6DHBK;aws_secret_access_key=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' FORMAT AS JSON 'auto';
-- expect-none: credentials
COPY analytics.events FROM 's3://acme-events/2025/' IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftCopy' FORMAT AS JSON 'auto';
-- expect-none: credentials
UNLOAD ('SELECT * FROM analytics.daily') TO 's3://acme-unload/daily_' IAM_ROLE default;

/* ---------- Oracle (old finance system) ---------- */
-- expect: credentials/hardcoded-password
CREATE USER gl_reader IDENTIFIED BY "zKVB+1wSNr^Nh" DEFAULT TABLESPACE users;
-- expect: credentials/hardcoded-password
CREATE DATABASE LINK erp_link CONNECT TO erp_read IDENTIFIED BY "YoOPH^8gcG!a60" USING 'ERPPROD';
-- expect-none: credentials
CREATE USER ops$batch IDENTIFIED EXTERNALLY;
-- expect-none: credentials
ALTER USER gl_reader IDENTIFIED BY VALUES 'S:4040699f0c60d9df89af707b1de74f1f7144a6262a997702652f2b23a015da2219027c30';
