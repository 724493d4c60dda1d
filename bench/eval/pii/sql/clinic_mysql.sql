-- Physiotherapy clinic booking app (MySQL 8). Built by the practice manager with an AI assistant.
CREATE DATABASE IF NOT EXISTS clinic;
USE clinic;

CREATE TABLE patients (
  patient_id       INT AUTO_INCREMENT PRIMARY KEY,
  -- expect-none: pii
  first_name       VARCHAR(80) NOT NULL,
  -- expect-none: pii
  last_name        VARCHAR(80) NOT NULL,
  -- expect-none: pii
  email            VARCHAR(255),
  -- expect-none: pii
  phone_number     VARCHAR(30),
  -- expect: pii/unencrypted-column
  birth_date       DATE NOT NULL,
  -- expect: pii/unencrypted-column
  medical_record_number VARCHAR(20) UNIQUE,
  -- expect: pii/unencrypted-column
  insurance_member_id VARCHAR(30),
  -- expect-none: pii
  insurance_provider VARCHAR(80),
  -- expect: pii/unencrypted-column
  nhs_number       CHAR(10),
  -- expect-none: pii
  gp_practice_id   INT,
  -- expect-none: pii
  is_dob_confirmed TINYINT(1) DEFAULT 0,
  created_at       DATETIME DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB;

CREATE TABLE appointments (
  appointment_id   INT AUTO_INCREMENT PRIMARY KEY,
  -- expect-none: pii
  patient_id       INT NOT NULL,
  starts_at        DATETIME NOT NULL,
  -- expect: pii/unencrypted-column
  diagnosis        TEXT,
  -- expect: pii/unencrypted-column
  icd10_code       VARCHAR(8),
  -- expect-none: pii
  diagnosis_count  INT DEFAULT 0,
  -- expect-none: pii
  treatment_room   VARCHAR(20),
  FOREIGN KEY (patient_id) REFERENCES patients (patient_id)
);

CREATE TABLE patient_documents (
  doc_id           INT AUTO_INCREMENT PRIMARY KEY,
  patient_id       INT NOT NULL,
  -- expect-none: pii
  diagnosis_cipher VARBINARY(4096),
  -- expect-none: pii
  mrn_aes          VARBINARY(255),
  -- expect-none: pii
  scan_blob        LONGBLOB,
  -- expect-none: pii
  medical_history_encrypted BLOB
);

-- expect: pii/unencrypted-column
ALTER TABLE patients ADD COLUMN security_answer VARCHAR(255);
-- expect: pii/unencrypted-column
ALTER TABLE patients ADD COLUMN medical_conditions TEXT;
-- expect-none: pii
ALTER TABLE patients ADD COLUMN has_medical_conditions BOOLEAN DEFAULT FALSE;

-- expect-none: pii
CREATE INDEX idx_appointments_patient ON appointments (patient_id);
-- expect-none: pii
SELECT p.first_name, a.diagnosis FROM patients p JOIN appointments a ON a.patient_id = p.patient_id;
-- expect-none: pii
UPDATE appointments SET diagnosis = NULL WHERE starts_at < NOW() - INTERVAL 7 YEAR;
