-- HR leave tracker on Azure SQL. The People team's Power App writes to these tables.
CREATE TABLE dbo.Employees (
    EmployeeID        INT IDENTITY(1,1) PRIMARY KEY,
    -- expect-none: pii
    FullName          NVARCHAR(200) NOT NULL,
    -- expect-none: pii
    WorkEmail         NVARCHAR(255) NOT NULL,
    -- expect: pii/unencrypted-column
    SocialSecurityNumber NVARCHAR(11) NULL,
    -- expect: pii/unencrypted-column
    DateOfBirth       DATE NULL,
    -- expect: pii/unencrypted-column
    PassportNo        NVARCHAR(20) NULL,
    -- expect-none: pii
    ManagerEmployeeID INT NULL,
    -- expect-none: pii
    HasPassport       BIT NOT NULL DEFAULT 0
);

CREATE TABLE dbo.EmployeeIdentity (
    EmployeeID        INT NOT NULL PRIMARY KEY,
    -- expect-none: pii
    SSN CHAR(11) COLLATE Latin1_General_BIN2
        ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = CEK_HR, ENCRYPTION_TYPE = DETERMINISTIC,
                        ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NOT NULL,
    -- expect-none: pii
    BirthDate DATE
        ENCRYPTED WITH (COLUMN_ENCRYPTION_KEY = CEK_HR, ENCRYPTION_TYPE = RANDOMIZED,
                        ALGORITHM = 'AEAD_AES_256_CBC_HMAC_SHA_256') NULL
);

CREATE TABLE dbo.EmployeeBanking (
    EmployeeID        INT NOT NULL,
    -- expect: pii/unencrypted-column
    BankAccountNumber VARCHAR(20) NOT NULL,
    -- expect: pii/unencrypted-column
    BankRoutingNumber CHAR(9) NOT NULL,
    -- expect-none: pii
    AccountNumberLast4 CHAR(4) NULL,
    -- expect-none: pii
    BankAccountToken  VARCHAR(64) NULL,
    -- expect-none: pii
    EncryptedIBAN     VARBINARY(256) NULL
);

-- expect: pii/unencrypted-column
ALTER TABLE dbo.Employees ADD NationalInsuranceNumber VARCHAR(9) NULL;
-- expect-none: pii
ALTER TABLE dbo.Employees ADD SsnVerified BIT NOT NULL DEFAULT 0;
