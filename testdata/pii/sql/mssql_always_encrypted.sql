-- Contractor register (SQL Server), SSN protected with Always Encrypted
CREATE TABLE dbo.Contractors (
  ContractorID INT IDENTITY(1,1) PRIMARY KEY,
  DisplayName NVARCHAR(100) NOT NULL,
  SSN CHAR(11) COLLATE Latin1_General_BIN2 ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = CEK_Auto1, ENCRYPTION_TYPE = DETERMINISTIC, ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NOT NULL
);

CREATE TABLE dbo.ContractorPayments (
  PaymentID INT IDENTITY(1,1) PRIMARY KEY,
  ContractorID INT NOT NULL,
  -- expect: pii/unencrypted-column
  TaxId NVARCHAR(20),
  TaxIdLast4 NCHAR(4),
  PayPeriodSpan INT
);
