-- Clinic intake app (MySQL), maintained by the front-desk operations lead
CREATE TABLE patients (
  patient_id     INT AUTO_INCREMENT PRIMARY KEY,
  full_name      VARCHAR(120),
  phone          VARCHAR(20),
  email          VARCHAR(255),
  -- expect: pii/unencrypted-column
  `birthDate`    DATE,
  -- expect: pii/unencrypted-column
  mrn            VARCHAR(20) NOT NULL,
  -- expect: pii/unencrypted-column
  primary_diagnosis TEXT,
  diagnosis_count INT DEFAULT 0,
  insurance_provider VARCHAR(80),
  -- expect: pii/unencrypted-column
  health_insurance_member_id VARCHAR(30),
  ssn_enc        VARBINARY(256),
  created_at     DATETIME
);

CREATE TABLE payments (
  payment_id     INT AUTO_INCREMENT PRIMARY KEY,
  patient_id     INT,
  card_token     VARCHAR(64),
  card_last4     CHAR(4),
  card_brand     VARCHAR(16),
  card_exp_month TINYINT,
  -- expect: pii/unencrypted-column
  CardNumber     VARCHAR(19),
  -- expect: pii/unencrypted-column
  cvv            CHAR(4),
  amount         DECIMAL(10, 2),
  time_span      INT,
  company        VARCHAR(100)
);

-- Seed data for the demo environment
INSERT INTO payments (patient_id, card_token, card_last4, amount) VALUES (1, 'tok_visa', '4242', 25.00);
