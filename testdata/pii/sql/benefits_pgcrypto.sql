-- Benefits enrolment tables (PostgreSQL + pgcrypto). The nightly loader encrypts identifiers with
-- pgp_sym_encrypt and stores the ASCII-armored ciphertext in text columns.
CREATE EXTENSION IF NOT EXISTS pgcrypto;

CREATE TABLE enrollees (
  enrollee_id      SERIAL PRIMARY KEY,
  full_name        TEXT NOT NULL,
  -- expect-none: pii
  ssn              TEXT NOT NULL,
  -- expect-none: pii
  medicare_number  TEXT,
  -- expect: pii/unencrypted-column
  date_of_birth    DATE,
  plan_code        VARCHAR(8)
);

CREATE TABLE dependents (
  dependent_id     SERIAL PRIMARY KEY,
  enrollee_id      INTEGER REFERENCES enrollees (enrollee_id),
  -- expect: pii/unencrypted-column
  ssn              VARCHAR(11),
  relationship     VARCHAR(20)
);

CREATE TABLE bank_details (
  enrollee_id      INTEGER REFERENCES enrollees (enrollee_id),
  -- expect-none: pii
  iban             TEXT
);

INSERT INTO enrollees (full_name, ssn, plan_code)
VALUES ($1, armor(pgp_sym_encrypt($2, current_setting('benefits.key'))), $3);

-- The birth date is filled in later from the eligibility file, in clear.
UPDATE enrollees SET date_of_birth = $2 WHERE enrollee_id = $1;

UPDATE enrollees
   SET medicare_number = armor(pgp_sym_encrypt($2, current_setting('benefits.key')))
 WHERE enrollee_id = $1;

-- Dependents are loaded from the HR extract as they are: no encryption here.
INSERT INTO dependents (enrollee_id, ssn, relationship)
VALUES ($1, $2, $3);

UPDATE bank_details SET iban = pgp_pub_encrypt($2, dearmor(current_setting('benefits.pubkey')))
 WHERE enrollee_id = $1;
