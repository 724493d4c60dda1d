-- Shared schema for the ops tools. Applied by hand in pgAdmin.

CREATE TABLE customers (
    id SERIAL PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    email VARCHAR(320) NOT NULL,
    -- expect: pii/unencrypted-column
    ssn VARCHAR(11),
    -- expect: pii/unencrypted-column
    date_of_birth DATE,
    card_last4 CHAR(4),
    created_at TIMESTAMP DEFAULT now()
);

CREATE TABLE invoices (
    id SERIAL PRIMARY KEY,
    customer_id INTEGER REFERENCES customers(id),
    amount NUMERIC(12, 2) NOT NULL,
    issued_on DATE NOT NULL
);

-- expect: credentials/hardcoded-password
CREATE USER report_bot WITH PASSWORD 'Spr1ngQuarter!2024';
GRANT SELECT ON customers, invoices TO report_bot;
