-- Payroll staging schema (PostgreSQL with pgcrypto). Sensitive values are encrypted by the
-- loader with pgp_sym_encrypt and a key passed in by the job runner.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE payroll_employees (
  employee_id        INTEGER PRIMARY KEY,
  -- expect-none: pii
  full_name          TEXT NOT NULL,
  -- expect-none: pii
  work_email         TEXT,
  -- expect-none: pii
  ssn                BYTEA NOT NULL,
  -- expect-none: pii
  bank_account       BYTEA,
  -- expect-none: pii
  birth_date_enc     BYTEA,
  -- expect-none: pii
  salary             NUMERIC(12,2),
  department         TEXT
);

-- expect-none: pii
INSERT INTO payroll_employees (employee_id, full_name, work_email, ssn, bank_account)
VALUES (1001, 'Dana Whitfield', 'dana.whitfield@example.org',
        -- expect: pii/hardcoded-pii-value
        pgp_sym_encrypt('529-38-1047', current_setting('payroll.key')),
        pgp_sym_encrypt('000123456789', current_setting('payroll.key')));

CREATE TABLE payroll_runs (
  run_id             SERIAL PRIMARY KEY,
  employee_id        INTEGER REFERENCES payroll_employees (employee_id),
  -- expect-none: pii
  gross_amount       NUMERIC(12,2),
  -- expect-none: pii
  net_amount         NUMERIC(12,2),
  paid_on            DATE
);

CREATE TABLE payroll_tax_forms (
  form_id            SERIAL PRIMARY KEY,
  employee_id        INTEGER,
  -- expect: pii/unencrypted-column
  taxpayer_id_number VARCHAR(11),
  -- expect: pii/unencrypted-column
  "Date of Birth"    DATE,
  -- expect-none: pii
  tax_year           SMALLINT
);
