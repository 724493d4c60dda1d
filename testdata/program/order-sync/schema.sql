-- Orders database tables written by order-sync.
CREATE TABLE customers (
    id          TEXT PRIMARY KEY,
    email       TEXT NOT NULL,
    -- expect: pii/unencrypted-column
    date_of_birth DATE,
    tax_id_hash CHAR(64)
);

CREATE TABLE orders (
    id          TEXT PRIMARY KEY,
    customer_id TEXT REFERENCES customers (id),
    total       NUMERIC(12, 2) NOT NULL,
    created_at  TIMESTAMPTZ DEFAULT now()
);
