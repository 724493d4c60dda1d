// Syncs paid invoices from the billing API into the ops Postgres database.
// Owner: finance-ops. Scheduled every hour on the shared Node box.
const { Pool } = require('pg');
const { PrismaClient } = require('@prisma/client');

const pool = new Pool({ connectionString: process.env.OPS_DATABASE_URL });
const prisma = new PrismaClient();
const CURRENCIES = ['EUR', 'USD', 'GBP'];

async function markPaid(invoiceIds) {
  for (const id of invoiceIds) {
    // expect: db-loops/query-in-loop
    await pool.query('UPDATE invoices SET status = $1 WHERE id = $2', ['paid', id]);
  }
}

async function markPaidBatched(invoiceIds) {
  await pool.query('UPDATE invoices SET status = $1 WHERE id = ANY($2)', ['paid', invoiceIds]);
}

async function loadCustomers(orders) {
  const client = await pool.connect();
  try {
    const result = [];
    for (let i = 0; i < orders.length; i++) {
      // expect: db-loops/query-in-loop
      const { rows } = await client.query('SELECT * FROM customers WHERE id = $1', [orders[i].customerId]);
      result.push({ ...orders[i], customer: rows[0] });
    }
    return result;
  } finally {
    client.release();
  }
}

async function ratesByCurrency() {
  const rates = {};
  for (const currency of CURRENCIES) {
    const { rows } = await pool.query('SELECT rate FROM fx WHERE code = $1', [currency]);
    rates[currency] = rows[0].rate;
  }
  for (const code of ['CHF', 'JPY']) {
    await pool.query('SELECT rate FROM fx WHERE code = $1', [code]);
  }
  return rates;
}

async function findFirstOpenAccount(candidates) {
  for (const email of candidates) {
    const account = await prisma.account.findUnique({ where: { email } });
    if (account && account.open) {
      return account;
    }
  }
  return null;
}

async function prismaSync(customers) {
  const existing = await prisma.customer.findMany({ where: { id: { in: customers.map((c) => c.id) } } });
  const known = new Set(existing.map((c) => c.id));
  for (const customer of customers) {
    if (known.has(customer.id)) {
      // expect: db-loops/query-in-loop
      await prisma.customer.update({ where: { id: customer.id }, data: { name: customer.name } });
    } else {
      // expect: db-loops/query-in-loop
      await prisma.customer.create({ data: customer });
    }
  }
  await prisma.invoice.createMany({ data: customers.flatMap((c) => c.invoices) });
}

async function pagedExport(writeRows) {
  for (let page = 0; page < 1000; page++) {
    const { rows } = await pool.query('SELECT * FROM invoices ORDER BY id LIMIT 500 OFFSET $1', [page * 500]);
    if (rows.length === 0) break;
    writeRows(rows);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    await pool.query('SELECT 1');
  }
}

async function concurrentLookups(ids) {
  // expect: db-loops/query-in-loop
  const rows = await Promise.all(ids.map((id) => pool.query('SELECT * FROM orders WHERE id = $1', [id])));
  const labels = ids.map((id) => `order-${id}`);
  return { rows, labels };
}

async function forEachCallbackDefinedOnly(ids) {
  ids.forEach((id) => {
    console.log('queued', id);
  });
}

function walkRows(rows) {
  const names = [];
  for (const row of rows) {
    names.push(row.name.trim());
    const match = rows.find((r) => r.parent === row.id);
    if (match) names.push(match.name);
  }
  return names;
}

module.exports = { markPaid, markPaidBatched, loadCustomers, ratesByCurrency, findFirstOpenAccount, prismaSync, pagedExport, concurrentLookups, forEachCallbackDefinedOnly, walkRows };
