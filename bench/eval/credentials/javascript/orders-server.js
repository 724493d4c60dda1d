// Small Express app the e-commerce team runs on a VM: receives Shopify and Stripe webhooks,
// writes orders to Postgres and pings the warehouse channel. Written with ChatGPT's help.
'use strict';

const express = require('express');
const { Pool } = require('pg');
const Stripe = require('stripe');
const axios = require('axios');
const crypto = require('crypto');

// expect: credentials/stripe-secret-key
const stripe = Stripe('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');
// expect: credentials/stripe-secret-key
const endpointSecret = 'whsec_4Z2WMfnU7zwhFcuiOwjx5BYDXrUYs3Cn';
// expect: credentials/shopify-token
const SHOPIFY_ADMIN_TOKEN = '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';
// expect: credentials/shopify-token
const shopifyWebhookSecret = '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';
// expect-none: credentials
const SHOPIFY_STORE = 'acme-outdoor.myshopify.com';
// expect-none: credentials
const STRIPE_PUBLISHABLE = process.env.STRIPE_PUBLISHABLE_KEY;
// expect-none: credentials
const stripeFromEnv = Stripe(process.env.STRIPE_SECRET_KEY);

const pool = new Pool({
  host: 'orders-db.acme-internal.com',
  user: 'orders_app',
  // expect: credentials/hardcoded-password
  password: 'pHz.5xk99*SQxG',
  database: 'orders',
  port: 5432,
});

const reportingPool = new Pool({
  // expect: credentials/connection-string-password
  connectionString: 'postgres://reporting:kFIx=7Bl=M3FG@orders-db.acme-internal.com:5432/orders',
});

const envPool = new Pool({
  // expect-none: credentials
  connectionString: process.env.DATABASE_URL,
  // expect-none: credentials
  password: process.env.PGPASSWORD,
});

const app = express();
app.use('/webhooks/stripe', express.raw({ type: 'application/json' }));
app.use(express.json());

app.post('/webhooks/stripe', (req, res) => {
  const sig = req.headers['stripe-signature'];
  let event;
  try {
    event = stripe.webhooks.constructEvent(req.body, sig, endpointSecret);
  } catch (err) {
    return res.status(400).send(`Webhook Error: ${err.message}`);
  }
  if (event.type === 'checkout.session.completed') {
    pool.query('INSERT INTO payments (session_id, amount) VALUES ($1, $2)', [event.data.object.id, event.data.object.amount_total]);
  }
  res.json({ received: true });
});

app.post('/webhooks/shopify', (req, res) => {
  const hmac = req.get('X-Shopify-Hmac-Sha256');
  const digest = crypto.createHmac('sha256', shopifyWebhookSecret).update(JSON.stringify(req.body)).digest('base64');
  if (digest !== hmac) return res.sendStatus(401);
  notifyWarehouse(req.body);
  res.sendStatus(200);
});

async function notifyWarehouse(order) {
  // expect: credentials/slack-webhook
  await axios.post('https://hooks.slack.com/services/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', { text: `New order ${order.name}` });
}

async function shopifyProducts() {
  const res = await axios.get(`https://${SHOPIFY_STORE}/admin/api/2024-01/products.json`, {
    // expect-none: credentials
    headers: { 'X-Shopify-Access-Token': SHOPIFY_ADMIN_TOKEN },
  });
  return res.data.products;
}

async function legacyInventory() {
  return axios.get('https://inventory.acme-internal.com/api/stock', {
    // expect: credentials/hardcoded-password
    headers: { Authorization: 'Basic d0V0cVNDSndGaGVTWVhKeDdS' },
  });
}

async function partnerStock() {
  return axios.get('https://partner.example.net/stock', {
    // expect-none: credentials
    headers: { Authorization: `Bearer ${process.env.PARTNER_TOKEN}` },
  });
}

// expect-none: credentials
const passwordPattern = /^(?=.*[A-Z])(?=.*\d).{12,}$/;
// expect-none: credentials
const tokenExpiryMinutes = 60;
// expect-none: credentials
const TOKEN_ENDPOINT = 'https://accounts.acme-internal.com/oauth/token';
// expect-none: credentials
const orderHash = '1fd41c2f50c2d230cc6c1695ddded6e1c82345815f04875a75677d56d9cf7449';

app.listen(process.env.PORT || 3000, () => console.log('orders server up'));
