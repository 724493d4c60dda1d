-- Data quality checks on the customer master (no mail is sent here).
CREATE TABLE blocked_signup_domains (
  domain VARCHAR(100) PRIMARY KEY
);

-- expect-none: personal-email
INSERT INTO blocked_signup_domains (domain) VALUES ('gmail.com'), ('yahoo.com'), ('hotmail.com'), ('outlook.com');

ALTER TABLE b2b_accounts
  -- expect-none: personal-email
  ADD CONSTRAINT b2b_company_email CHECK (billing_email NOT LIKE '%@gmail.com' AND billing_email NOT LIKE '%@yahoo.%');

-- Accounts that still use a personal mailbox for invoices.
SELECT account_id, billing_email
FROM b2b_accounts
-- expect-none: personal-email
WHERE billing_email LIKE '%@gmail.com'
   -- expect-none: personal-email
   OR billing_email LIKE '%@hotmail.com'
   -- expect-none: personal-email
   OR lower(split_part(billing_email, '@', 2)) IN ('outlook.com', 'icloud.com', 'gmx.de', 'mail.ru');

-- Seed row for the staging environment.
-- expect-none: personal-email
INSERT INTO b2b_accounts (account_id, name, billing_email) VALUES (900001, 'Test Account', 'qa.billing.test@gmail.com');

-- e.g. sp_send_dbmail @recipients = 'someone@gmail.com' is what we must NOT do from this database.
-- expect-none: personal-email
SELECT count(*) FROM b2b_accounts WHERE billing_email = 'someone@gmail.com';
