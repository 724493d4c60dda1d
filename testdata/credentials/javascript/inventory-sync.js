// Nightly inventory sync: Shopify -> warehouse DB -> HubSpot deals.
// Owner: ops team (Marco). Runs on the ops laptop via cron.
const { Client } = require('pg');
const axios = require('axios');
const mysql = require('mysql2/promise');

const PASSWORD_MIN_LENGTH = 12;
const tokenUrl = 'https://accounts.partner-logistics.com/oauth/token';
const passwordField = 'password';
const apiKeyHeader = 'X-Api-Key';
const secretName = 'ops/inventory/db';
const lastSyncId = 'e4f2c334-8645-8d93-4ff6-db9831f9e378';
const fileHash = 'f018cc7c0ce6ebf2675b2b6575edbbcaaa7d9257d13236d3f069f674fed077f7';

// expect: credentials/shopify-token
const SHOPIFY_TOKEN = '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';
// expect: credentials/hubspot-token
const hubspotToken = "pat-na1-0e0dd2d7-9f0d-9ca7-3878-4731ec7d7ad4";
// expect: credentials/hardcoded-password
const dbPassword = "IxpWq^DWAc16";
const dbPasswordFromEnv = process.env.DB_PASSWORD;
const apiKey = process.env.PARTNER_API_KEY || '';
const sendgridKey = process.env['SENDGRID_API_KEY'];
const stagingPassword = 'changeme';
const partnerSecret = `${process.env.PARTNER_SECRET}`;
const placeholderToken = '<insert token here>';
let authToken = null;
const sampleApiKey = 'sample-key-do-not-use';

const pgConfig = {
  host: 'warehouse.internal',
  user: 'inventory_sync',
  // expect: credentials/hardcoded-password
  password: 'Wh!nv3nt0ry#2024',
  database: 'inventory',
};
const pgConfigEnv = { host: 'warehouse.internal', user: 'inventory_sync', password: process.env.PG_PASSWORD };

// expect: credentials/connection-string-password
const MYSQL_URL = 'mysql://ops_admin:NeRZx&rGTpsC@mysql.ops.internal:3306/orders';
const MONGO_URL = `mongodb+srv://ops:${process.env.MONGO_PW}@cluster0.ab12c.mongodb.net/ops`;
// expect: credentials/connection-string-password
const REDIS_URL = 'redis://:kvDMR!xJTEMU@cache.ops.internal:6379/0';
const REDIS_LOCAL = 'redis://localhost:6379/0';

const partner = axios.create({
  baseURL: 'https://api.partner-logistics.com/v2',
  // expect: credentials/hardcoded-password
  headers: { Authorization: 'Bearer uVY0MtsSkp7vZvfQNDwW09mg4qAGmcxTCBEr5FSd' },
});
const partnerEnv = axios.create({ headers: { Authorization: `Bearer ${process.env.PARTNER_TOKEN}` } });

// expect: credentials/hardcoded-password
function connectWarehouse(user, password = 'Wh4rehouse!2024') {
  return new Client({ host: 'warehouse.internal', user, password });
}

function checkWebhookSecret(req) {
  // expect: credentials/hardcoded-password
  if (req.headers.secret === 'hx7!Pq29Lmz0') return true;
  return req.headers.secret === process.env.WEBHOOK_SECRET;
}

const settings = {};
// expect: credentials/hardcoded-password
settings.smtpPass = "xceqr%Cj7SQP";
settings.smtpHost = 'smtp.office365.com';
// expect: credentials/hardcoded-password
settings['client_secret'] = "rxqH9@KUYKdH";

// expect: credentials/sendgrid-api-key
const SENDGRID = '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';
// expect: credentials/twilio-api-key
const twilioKeySid = 'SK351d596c4b8a482c521b0650ce5099a2';
// expect: credentials/twilio-api-key
const twilioAuthToken = '4be008b374b9f1321a9d849aabaceb80';
const twilioAccountSid = 'ACb749d4a45909452bbf683e7fb4bece61';
// expect: credentials/mailchimp-api-key
const mailchimpKey = '5dccae54e054c201bf9cd2c5fb4902aa-us21';
// expect: credentials/discord-credential
const alertsHook = 'https://discord.com/api/webhooks/3326862592374101839/oIfSA9xtbO1u8gIhHH0GDUqqrJNOmK_ZIGiX6YjqTFDa_OBOsXh2o1jKl6dJ5fABlIYb';
// expect: credentials/telegram-bot-token
const botToken = '3795445724:AARbeBZYyPcPihLOqZFANjf6gQU4f6-s6fX';
// expect: credentials/anthropic-api-key
const ANTHROPIC_API_KEY = 'sk-ant-api03-hqcxIyCPnVYYGRA5fTvrFs6ozfxyXYjsofiZj_n94XUKRoyqdOSqHatWABlpVcVeF0SGmcikk1K5qKfRSFMUgHYWOijNKAA';
// expect: credentials/jwt
const serviceJwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ3m0a8OrDzk_m7Ol_VZflyjLg9slFNNaAKj5NubNAQLQ7g0EXWFTq-7jJEXtO.L2DuWwN-ZEbubANVR8GO6szg4Bkz-pnv_7iO5GtYa39';
// The jwt.io sample token is documentation, not a credential:
const docJwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';
// expect: credentials/npm-token
const npmToken = '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';

module.exports = { connectWarehouse, checkWebhookSecret, partner, partnerEnv, pgConfig, pgConfigEnv };

function mailClient(sgClient) {
  // expect: credentials/hardcoded-password
  sgClient.setApiKey('Kp3Wm8Rt6Yv1Zq4Xs7Nb');
  // a documentation value: provider prefix and a counting sequence, not a key
  sgClient.setApiKey('SG.1234567890');
  return sgClient;
}
