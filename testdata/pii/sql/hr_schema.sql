-- HR onboarding tracker, built by the People Ops team (PostgreSQL)
CREATE TABLE IF NOT EXISTS public.employees (
  employee_id      SERIAL PRIMARY KEY,
  first_name       VARCHAR(80) NOT NULL,
  last_name        VARCHAR(80) NOT NULL,
  work_email       VARCHAR(255) UNIQUE,
  -- expect: pii/unencrypted-column
  ssn              VARCHAR(11) NOT NULL,
  -- expect: pii/unencrypted-column
  date_of_birth    DATE,
  ssn_last4        CHAR(4),
  has_ssn          BOOLEAN DEFAULT FALSE,
  ssn_verified_at  TIMESTAMP,
  address_book_id  INTEGER,
  manager_id       INTEGER REFERENCES employees (employee_id),
  -- expect: pii/unencrypted-column
  bank_account_number VARCHAR(34),
  -- expect: pii/unencrypted-column
  routing_number   CHAR(9),
  start_date       DATE NOT NULL
);

CREATE TABLE payroll_direct_deposit (
  id                  BIGSERIAL PRIMARY KEY,
  employee_id         INTEGER NOT NULL REFERENCES employees (employee_id),
  bank_account_enc    BYTEA NOT NULL,
  iban_encrypted      BYTEA,
  iban_hash           CHAR(64),
  account_token       VARCHAR(64),
  routing_number_enc  BYTEA,
  -- expect: pii/unencrypted-column
  IBAN                VARCHAR(34)
);

-- Benefits enrolment (added in Q3)
-- expect: pii/unencrypted-column
ALTER TABLE employees ADD COLUMN passport_number TEXT;
-- expect: pii/unencrypted-column
ALTER TABLE ONLY employees ADD COLUMN IF NOT EXISTS "DriversLicenseNo" VARCHAR(20);
ALTER TABLE employees ADD COLUMN ssn_count INTEGER DEFAULT 0;
ALTER TABLE employees ADD COLUMN is_dob_verified BOOLEAN;
ALTER TABLE employees ADD COLUMN passport_scan BYTEA;
ALTER TABLE employees ADD COLUMN tax_id_encrypted BYTEA;
ALTER TABLE employees ADD COLUMN ssn_cipher BYTEA;

CREATE INDEX idx_employees_ssn_last4 ON employees (ssn_last4);
SELECT employee_id, ssn_last4 FROM employees WHERE has_ssn;
