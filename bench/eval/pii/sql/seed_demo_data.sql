-- Demo data for the loan pre-qualification tool. Loaded into the shared staging database
-- so the operations team can try the screens.
INSERT INTO applicants (applicant_id, full_name, email, ssn, date_of_birth, annual_income) VALUES
  -- expect: pii/hardcoded-pii-value
  (1, 'Marisol Vega', 'marisol.vega@example.com', '531-72-4488', '1986-04-12', 72000),
  -- expect: pii/hardcoded-pii-value
  (2, 'Tobias Grant', 'tgrant@example.com', '284-15-9063', '1979-11-30', 91000),
  -- expect-none: pii
  (3, 'Test Applicant', 'test@example.com', '000-00-0000', '2000-01-01', 50000),
  -- expect-none: pii
  (4, 'Sample Person', 'sample@example.com', '123-45-6789', '1990-06-15', 61000),
  -- expect-none: pii
  (5, 'Placeholder Row', 'row5@example.com', '987-65-4321', '1991-02-03', 48000),
  -- expect-none: pii
  (6, 'Second Placeholder', 'row6@example.com', '666-12-3456', '1992-03-04', 52000);

INSERT INTO applicant_cards (applicant_id, card_number, card_expiry) VALUES
  -- expect: pii/hardcoded-pii-value
  (1, '4556 7375 8689 9855', '04/28'),
  -- expect: pii/hardcoded-pii-value
  (2, '5248219935181906', '11/27'),
  -- expect-none: pii
  (3, '4111111111111111', '12/30'),
  -- expect-none: pii
  (4, '4556 7375 8689 9856', '01/29');

INSERT INTO applicant_bank (applicant_id, iban) VALUES
  -- expect: pii/hardcoded-pii-value
  (1, 'DE38 3100 7728 3783 2661 66'),
  -- expect-none: pii
  (2, 'DE00 1234 5678 9012 3456 78');

-- expect-none: pii
INSERT INTO phone_book (name, phone, office) VALUES ('Front desk', '555-010-4477', 'HQ');
-- expect-none: pii
INSERT INTO orders (order_id, placed_at, reference) VALUES (918273, '2024-03-05', '2024-0305-918273');
-- expect-none: pii
INSERT INTO shipments (tracking_number) VALUES ('9400111899223856928499');
