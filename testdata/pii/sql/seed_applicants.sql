-- Seed rows for the tenant-screening demo database (loaded by `make demo-db`).
-- Copied from the leasing office's export to have "realistic" data in the demo.

INSERT INTO applicants (full_name, ssn, monthly_income) VALUES
  -- expect: pii/hardcoded-pii-value
  ('Marisol Vega', '531-72-4488', 4200),
  -- expect-none: pii
  ('Test Applicant', '000-00-0000', 3000),
  -- expect-none: pii
  ('Sample Applicant', '123-45-6789', 3100);

INSERT INTO payment_methods (applicant_id, card_number, card_expiry) VALUES
  -- expect: pii/hardcoded-pii-value
  (1, '5359 1840 7261 3399', '09/28'),
  -- expect-none: pii
  (2, '4111 1111 1111 1111', '12/30'),
  -- expect-none: pii
  (3, '4532 9706 1845 1128', '01/29');

INSERT INTO payout_accounts (applicant_id, iban, bank_name) VALUES
  -- expect: pii/hardcoded-pii-value
  (1, 'DE78 5001 0517 5408 1247 63', 'Frankfurter Sparkasse'),
  -- expect-none: pii
  (2, 'DE00 5001 0517 5408 1247 63', 'Frankfurter Sparkasse'),
  -- expect-none: pii
  (3, 'XX00 TEST 0000 0000 00', 'Test Bank');

-- Lease reference numbers share the SSN shape but are not issued by the SSA (area 9xx).
-- expect-none: pii
INSERT INTO leases (applicant_id, reference) VALUES (1, '912-04-2231');
