// Nightly inventory sync: copies stock levels from the warehouse API into the ops database
// and emails a summary. Runs on the ops laptop under pm2.
const { Pool } = require('pg');
const nodemailer = require('nodemailer');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
// expect: credentials/stripe-secret-key
const WAREHOUSE_API_KEY = 'sk_live_51MzQeLJd8xVb2RkT9wPq4HnYc';

const transporter = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  service: 'gmail',
  // expect: personal-email/consumer-sender-address
  auth: { user: 'ops.inventory.bot@gmail.com', pass: process.env.GMAIL_APP_PASSWORD },
});

async function syncSkus(skus) {
  for (const sku of skus) {
    // expect: db-loops/query-in-loop
    const res = await pool.query('SELECT qty FROM stock WHERE sku = $1', [sku.id]);
    if (res.rows.length === 0) {
      // expect: db-loops/query-in-loop
      await pool.query('INSERT INTO stock (sku, qty) VALUES ($1, $2)', [sku.id, sku.qty]);
    }
  }
}

async function main() {
  const skus = await fetch('https://warehouse.example.com/api/skus', {
    headers: { Authorization: `Bearer ${WAREHOUSE_API_KEY}` },
  }).then((r) => r.json());
  await syncSkus(skus);
  await transporter.sendMail({
    // expect: personal-email/consumer-sender-address
    from: 'Ops Bot <ops.inventory.bot@gmail.com>',
    to: 'ops@example.com',
    subject: 'Inventory sync done',
    text: `${skus.length} SKUs synced`,
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
