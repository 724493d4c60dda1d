-- Customer CRM for the regional sales team (PostgreSQL 15).
-- Maintained by the sales-ops analyst; migrated from a shared spreadsheet in 2024.

CREATE TABLE IF NOT EXISTS customers (
  customer_id        BIGSERIAL PRIMARY KEY,
  -- expect-none: pii
  first_name         VARCHAR(100) NOT NULL,
  -- expect-none: pii
  last_name          VARCHAR(100) NOT NULL,
  -- expect-none: pii
  email              VARCHAR(255) UNIQUE NOT NULL,
  -- expect-none: pii
  phone              VARCHAR(32),
  -- expect-none: pii
  mobile_phone       VARCHAR(32),
  -- expect-none: pii
  city               VARCHAR(80),
  -- expect: pii/unencrypted-column
  ssn                VARCHAR(11),
  -- expect: pii/unencrypted-column
  date_of_birth      DATE,
  -- expect-none: pii
  ssn_last4          CHAR(4),
  -- expect-none: pii
  has_ssn            BOOLEAN NOT NULL DEFAULT FALSE,
  -- expect-none: pii
  is_dob_verified    BOOLEAN DEFAULT FALSE,
  -- expect-none: pii
  address_book_id    INTEGER,
  -- expect-none: pii
  account_manager_id INTEGER REFERENCES staff (staff_id),
  -- expect: pii/unencrypted-column
  drivers_license_number VARCHAR(20),
  -- expect-none: pii
  drivers_license_state  CHAR(2),
  created_at         TIMESTAMPTZ DEFAULT now()
);

CREATE TABLE customer_payment_methods (
  id                 BIGSERIAL PRIMARY KEY,
  -- expect-none: pii
  customer_id        BIGINT NOT NULL REFERENCES customers (customer_id),
  -- expect-none: pii
  card_token         VARCHAR(64) NOT NULL,
  -- expect-none: pii
  card_last4         CHAR(4),
  -- expect-none: pii
  card_brand         VARCHAR(20),
  -- expect-none: pii
  card_expiry_month  SMALLINT,
  -- expect: pii/unencrypted-column
  card_number        VARCHAR(19),
  -- expect: pii/unencrypted-column
  cvv                CHAR(4),
  -- expect-none: pii
  billing_city       VARCHAR(80)
);

CREATE TABLE customer_bank_details (
  id                 SERIAL PRIMARY KEY,
  customer_id        BIGINT NOT NULL,
  -- expect: pii/unencrypted-column
  iban               VARCHAR(34),
  -- expect: pii/unencrypted-column
  bank_account_number VARCHAR(20),
  -- expect: pii/unencrypted-column
  routing_number     CHAR(9),
  -- expect-none: pii
  iban_encrypted     BYTEA,
  -- expect-none: pii
  account_number_enc BYTEA,
  -- expect-none: pii
  iban_hash          CHAR(64),
  -- expect-none: pii
  bank_name          VARCHAR(120)
);

-- Compliance asked for these in the Q2 audit
-- expect: pii/unencrypted-column
ALTER TABLE customers ADD COLUMN passport_number VARCHAR(20);
-- expect: pii/unencrypted-column
ALTER TABLE customers ADD COLUMN tax_id TEXT;
-- expect-none: pii
ALTER TABLE customers ADD COLUMN ssn_count INTEGER DEFAULT 0;
-- expect-none: pii
ALTER TABLE customers ADD COLUMN ssn_encrypted BYTEA;
-- expect-none: pii
ALTER TABLE customers ADD COLUMN dob_verified_at TIMESTAMPTZ;
-- expect-none: pii
ALTER TABLE customers ADD COLUMN passport_country CHAR(2);

-- expect-none: pii
CREATE INDEX idx_customers_email ON customers (email);
-- expect-none: pii
CREATE VIEW customer_directory AS SELECT customer_id, first_name, last_name, email, ssn_last4 FROM customers;
-- expect-none: pii
SELECT customer_id, date_of_birth FROM customers WHERE has_ssn AND date_of_birth > '1990-01-01';
-- expect-none: pii
COMMENT ON COLUMN customers.ssn_last4 IS 'Last four digits of the SSN, for support calls';
