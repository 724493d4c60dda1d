-- Schema for the internal "vendor portal" app. Generated with help from an AI assistant,
-- reviewed by the data team.

CREATE TABLE app_users (
    id              SERIAL PRIMARY KEY,
    email           TEXT NOT NULL UNIQUE,
    -- expect-none: credentials
    password_hash   TEXT NOT NULL,
    -- expect-none: credentials
    password_salt   TEXT NOT NULL,
    -- expect-none: credentials
    api_token_hash  TEXT,
    -- expect-none: credentials
    mfa_secret_enc  BYTEA,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE vendor_credentials (
    vendor_id   INT PRIMARY KEY,
    -- expect-none: credentials
    secret_ref  TEXT NOT NULL CHECK (secret_ref LIKE 'projects/%/secrets/%'),
    rotated_at  TIMESTAMPTZ
);

-- expect-none: credentials
INSERT INTO vendor_credentials (vendor_id, secret_ref) VALUES (1, 'projects/acme-portal/secrets/vendor-1-api-key');
-- expect-none: credentials
INSERT INTO app_users (email, password_hash, password_salt) VALUES ('test@example.com', 'pbkdf2_sha256$600000$o20OHRwtgq3MmVyShFab$dm5NVndhaUJDN2JmUFBZdDlt', '75fe9d8e5a8fb0d54602bb8d7c925f47');

-- Seed data for the demo environment
INSERT INTO settings (key, value) VALUES ('portal_name', 'Vendor Portal');
-- expect: credentials/hardcoded-password
INSERT INTO settings (key, value) VALUES ('smtp_password', 'FVuDh&mRP4h_7qB');
-- expect: credentials/google-api-key
INSERT INTO settings (key, value) VALUES ('maps_api_key', 'AIza7dz6UY-3EQs021cyLVcHZbNsD3QYUbUJ4Tc');
-- expect: credentials/twilio-api-key
INSERT INTO settings (key, value) VALUES ('twilio_api_key', 'SK17c9212ab1861f0dcf92b2c5e0093e1a');
-- expect: credentials/jwt
INSERT INTO settings (key, value) VALUES ('partner_jwt', 'eyJhbGciOiAiSFMyNTYiLCAidHlwIjogIkpXVCJ9.eyJzdWIiOiAiNzAyMjgiLCAiaWF0IjogMTY0MTAwMTY4OSwgInNjb3BlIjogImNybS5yZWFkIn0.0wt8rr2x7UFU5x2hEV-Xq9B6FwTYXavV9huMQD52BHx');
-- expect-none: credentials
INSERT INTO settings (key, value) VALUES ('password_min_length', '12');
-- expect-none: credentials
INSERT INTO settings (key, value) VALUES ('token_ttl_seconds', '3600');
-- expect-none: credentials
INSERT INTO settings (key, value) VALUES ('smtp_password', '');
-- expect-none: credentials
INSERT INTO settings (key, value) VALUES ('api_key', 'REPLACE_ME');

-- Login check used by the portal (parameters bound by the app)
-- expect-none: credentials
SELECT id FROM app_users WHERE email = $1 AND password_hash = crypt($2, password_hash);
-- expect-none: credentials
UPDATE app_users SET password_hash = crypt($1, gen_salt('bf', 12)) WHERE id = $2;
-- expect-none: credentials
DELETE FROM sessions WHERE token_expires_at < now();

CREATE OR REPLACE FUNCTION notify_slack() RETURNS trigger AS $$
BEGIN
    -- expect: credentials/slack-webhook
    PERFORM http_post('https://hooks.slack.com/services/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', json_build_object('text', 'new vendor ' || NEW.name)::text, 'application/json');
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION vendor_api_call(path text) RETURNS json AS $$
DECLARE
    -- expect: credentials/hardcoded-password
    api_key text := '9zuErTWy42Y9xnD42IKqPMcFgVlbu3jx6G9TyjkK';
    -- expect-none: credentials
    api_key_from_settings text := current_setting('app.vendor_api_key');
BEGIN
    RETURN (SELECT content::json FROM http_get('https://vendors.acme-internal.com/api' || path || '?key=' || api_key));
END;
$$ LANGUAGE plpgsql;
