-- Shop database users (MySQL 8). Applied by hand in the admin console.
-- expect: credentials/hardcoded-password
CREATE USER 'shop_app'@'%' IDENTIFIED BY 'AkGzL-9MWi_Z19';
-- expect: credentials/hardcoded-password
CREATE USER 'bi_reader'@'10.%' IDENTIFIED WITH mysql_native_password BY 'NQz+II4=MY';
-- expect: credentials/hardcoded-password
ALTER USER 'shop_app'@'%' IDENTIFIED BY 'XIGy.EEiO8*VdNl' PASSWORD EXPIRE INTERVAL 180 DAY;
-- expect: credentials/hardcoded-password
SET PASSWORD FOR 'bi_reader'@'10.%' = 'KGiid!2aL+xE';
-- expect-none: credentials
CREATE USER 'backup'@'localhost' IDENTIFIED WITH auth_socket;
-- expect-none: credentials
ALTER USER 'shop_app'@'%' IDENTIFIED BY RANDOM PASSWORD;
-- expect-none: credentials
CREATE USER 'legacy'@'%' IDENTIFIED WITH mysql_native_password AS '*87362df09a5d7347a5a675c17bab6a01898f97ac';
-- expect-none: credentials
ALTER USER 'shop_app'@'%' PASSWORD EXPIRE NEVER;
-- expect-none: credentials
ALTER USER 'bi_reader'@'10.%' FAILED_LOGIN_ATTEMPTS 5 PASSWORD_LOCK_TIME 1;

GRANT SELECT, INSERT, UPDATE ON shop.* TO 'shop_app'@'%';
GRANT SELECT ON shop.* TO 'bi_reader'@'10.%';

-- expect: credentials/hardcoded-password
CHANGE REPLICATION SOURCE TO SOURCE_HOST='10.4.2.18', SOURCE_USER='repl', SOURCE_PASSWORD='bgGwL_YjS51-CHYu', SOURCE_AUTO_POSITION=1;

CREATE TABLE customers (
  id BIGINT PRIMARY KEY AUTO_INCREMENT,
  email VARCHAR(255) NOT NULL UNIQUE,
  -- expect-none: credentials
  password_hash CHAR(60) NOT NULL,
  -- expect-none: credentials
  reset_token CHAR(64) NULL,
  -- expect-none: credentials
  api_key_hash CHAR(64) NULL,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- Seed the admin account (hash of a random password, rotated on first login)
-- expect-none: credentials
INSERT INTO customers (email, password_hash) VALUES ('admin@acme-crafts.com', '$2b$12$2YhIksviMjjlIaShrBT9cPqeXRW1qPquO11CW7PTJfGfTzD3pzIQ');
-- expect-none: credentials
INSERT INTO customers (email, reset_token) VALUES ('ops@acme-crafts.com', 'acb013b22d5f6388268acb850c813fd521dd77cdcf02347c1f59ff479045dc1c');
-- expect-none: credentials
UPDATE customers SET password_hash = SHA2(CONCAT(@salt, 'x'), 256) WHERE id = 1;
-- expect-none: credentials
SELECT id FROM customers WHERE password_hash = ? AND email = ?;

CREATE TABLE integrations (
  name VARCHAR(64) PRIMARY KEY,
  api_key VARCHAR(255),
  webhook_url VARCHAR(512)
);
-- expect: credentials/stripe-secret-key
INSERT INTO integrations (name, api_key) VALUES ('stripe', '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');
-- expect: credentials/sendgrid-api-key
INSERT INTO integrations (name, api_key) VALUES ('sendgrid', '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');
-- expect: credentials/slack-webhook
INSERT INTO integrations (name, webhook_url) VALUES ('slack', 'https://hooks.slack.com/services/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');
-- expect: credentials/mailchimp-api-key
INSERT INTO integrations (name, api_key) VALUES ('mailchimp', '39f4911a52d1c6e746ac360d6eeeec4a-us12');
-- expect-none: credentials
INSERT INTO integrations (name, api_key) VALUES ('postmark', NULL);
-- expect-none: credentials
INSERT INTO integrations (name, api_key) VALUES ('test', 'YOUR_API_KEY');
-- expect: credentials/hardcoded-password
UPDATE integrations SET api_key = 'aRuWWQSf0K4GA4m6LvXlhsp4F6MWSkJs' WHERE name = 'shipping';
-- expect-none: credentials
UPDATE integrations SET api_key = NULL WHERE name = 'legacy';
