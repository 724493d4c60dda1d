// Nightly order sync from the web shop into the ops Postgres (run with `node order-sync.js`).
// Built by the e-commerce coordinator; scheduled with cron on the ops VM.
const { Pool } = require('pg');
const mysql = require('mysql2/promise');

const pool = new Pool({ connectionString: process.env.OPS_DB_URL });
const CHANNELS = ['web', 'marketplace', 'retail'];

async function upsertOrders(orders) {
  for (const order of orders) {
    // expect: db-loops/query-in-loop
    await pool.query(
      'INSERT INTO orders (id, total, customer_id) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET total = $2',
      [order.id, order.total, order.customerId]
    );
  }
}

async function upsertOrdersBatched(orders) {
  const ids = orders.map((o) => o.id);
  const totals = orders.map((o) => o.total);
  const customers = orders.map((o) => o.customerId);
  // expect-none: db-loops
  await pool.query(
    'INSERT INTO orders (id, total, customer_id) SELECT * FROM unnest($1::int[], $2::numeric[], $3::int[]) ON CONFLICT (id) DO UPDATE SET total = EXCLUDED.total',
    [ids, totals, customers]
  );
}

async function customerNames(orders) {
  const client = await pool.connect();
  try {
    const names = [];
    for (let i = 0; i < orders.length; i++) {
      // expect: db-loops/query-in-loop
      const { rows } = await client.query('SELECT name FROM customers WHERE id = $1', [orders[i].customerId]);
      names.push(rows[0] && rows[0].name);
    }
    return names;
  } finally {
    client.release();
  }
}

async function channelTotals() {
  const totals = {};
  for (const channel of CHANNELS) {
    // expect-none: db-loops
    const { rows } = await pool.query('SELECT SUM(total) AS t FROM orders WHERE channel = $1', [channel]);
    totals[channel] = rows[0].t;
  }
  return totals;
}

async function markShipped(shipments) {
  await Promise.all(
    shipments.map((s) =>
      // expect: db-loops/query-in-loop
      pool.query('UPDATE orders SET shipped_at = $1 WHERE id = $2', [s.shippedAt, s.orderId])
    )
  );
}

async function markShippedBatched(shipments) {
  // expect-none: db-loops
  await pool.query('UPDATE orders SET shipped_at = now() WHERE id = ANY($1)', [shipments.map((s) => s.orderId)]);
}

async function legacyStock(skus) {
  const conn = await mysql.createConnection(process.env.LEGACY_URL);
  const stock = {};
  for (const sku of skus) {
    // expect: db-loops/query-in-loop
    const [rows] = await conn.execute('SELECT qty FROM stock WHERE sku = ?', [sku]);
    stock[sku] = rows.length ? rows[0].qty : 0;
  }
  await conn.end();
  return stock;
}

async function legacyStockBatched(skus) {
  const conn = await mysql.createConnection(process.env.LEGACY_URL);
  // expect-none: db-loops
  const [rows] = await conn.query('SELECT sku, qty FROM stock WHERE sku IN (?)', [skus]);
  await conn.end();
  return Object.fromEntries(rows.map((r) => [r.sku, r.qty]));
}

async function findOpenCart(customerIds) {
  for (const id of customerIds) {
    // expect-none: db-loops
    const { rows } = await pool.query('SELECT id FROM carts WHERE customer_id = $1 AND open', [id]);
    if (rows.length) return rows[0].id;
  }
  return null;
}

async function refundAll(refunds) {
  for (const r of refunds) {
    if (!r.approved) continue;
    // expect: db-loops/query-in-loop
    await pool.query('UPDATE payments SET refunded = true WHERE id = $1', [r.paymentId]);
    // expect: db-loops/query-in-loop
    await pool.query('INSERT INTO refund_log (payment_id, amount) VALUES ($1, $2)', [r.paymentId, r.amount]);
  }
}

module.exports = { upsertOrders, upsertOrdersBatched, customerNames, channelTotals, markShipped, markShippedBatched, legacyStock, legacyStockBatched, findOpenCart, refundAll };
