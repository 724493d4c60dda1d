// invoice-sync.js — copies invoices from the billing MySQL into the finance Postgres
// and the legacy SQL Server reporting DB. Run with `node invoice-sync.js` from cron.
'use strict';

require('dotenv').config();
const { Pool } = require('pg');
const mysql = require('mysql2/promise');
const sql = require('mssql');

const pg = new Pool({ connectionString: process.env.FINANCE_PG });
const STATUSES = ['draft', 'sent', 'paid'];

async function billingConnection() {
  return mysql.createConnection({
    host: process.env.BILLING_HOST,
    user: 'reader',
    password: process.env.BILLING_PASSWORD,
    database: 'billing',
  });
}

async function loadCustomer(db, customerId) {
  const [rows] = await db.execute('SELECT id, name, vat_id FROM customers WHERE id = ?', [customerId]);
  return rows[0];
}

async function copyInvoices(db) {
  // expect-none: db-loops
  const [invoices] = await db.query('SELECT id, customer_id, total, currency FROM invoices WHERE synced = 0 LIMIT 2000');
  for (const inv of invoices) {
    // expect: db-loops/query-in-loop
    const customer = await loadCustomer(db, inv.customer_id);
    // expect: db-loops/query-in-loop
    await pg.query('INSERT INTO invoices (id, customer, vat_id, total, currency) VALUES ($1, $2, $3, $4, $5)', [
      inv.id, customer.name, customer.vat_id, inv.total, inv.currency,
    ]);
    // expect: db-loops/query-in-loop
    await db.execute('UPDATE invoices SET synced = 1 WHERE id = ?', [inv.id]);
  }
  return invoices.length;
}

async function copyInvoicesBatched(db) {
  const [invoices] = await db.query('SELECT id, customer_id, total, currency FROM invoices WHERE synced = 0 LIMIT 2000');
  if (invoices.length === 0) return 0;
  const ids = invoices.map((i) => i.customer_id);
  // expect-none: db-loops
  const [customers] = await db.query('SELECT id, name, vat_id FROM customers WHERE id IN (?)', [ids]);
  const byId = new Map(customers.map((c) => [c.id, c]));
  const values = invoices.map((i) => [i.id, byId.get(i.customer_id)?.name, i.total, i.currency]);
  // expect-none: db-loops
  await pg.query(
    'INSERT INTO invoices (id, customer, total, currency) SELECT * FROM unnest($1::int[], $2::text[], $3::numeric[], $4::text[])',
    [values.map((v) => v[0]), values.map((v) => v[1]), values.map((v) => v[2]), values.map((v) => v[3])],
  );
  // expect-none: db-loops
  await db.query('UPDATE invoices SET synced = 1 WHERE id IN (?)', [invoices.map((i) => i.id)]);
  return invoices.length;
}

async function lineItemTotals(invoiceIds) {
  // expect: db-loops/query-in-loop
  const results = await Promise.all(invoiceIds.map((id) => pg.query('SELECT sum(amount) AS s FROM line_items WHERE invoice_id = $1', [id])));
  return results.map((r) => Number(r.rows[0].s));
}

async function statusCounts() {
  const counts = {};
  for (const status of STATUSES) {
    // expect-none: db-loops
    const { rows } = await pg.query('SELECT count(*) AS n FROM invoices WHERE status = $1', [status]);
    counts[status] = Number(rows[0].n);
  }
  return counts;
}

async function currencyTotals() {
  const totals = {};
  for (const ccy of ['USD', 'EUR', 'GBP']) {
    // expect-none: db-loops
    const { rows } = await pg.query('SELECT sum(total) AS s FROM invoices WHERE currency = $1', [ccy]);
    totals[ccy] = rows[0].s;
  }
  return totals;
}

async function pushToReporting(invoices) {
  const rpt = await sql.connect(process.env.REPORTING_MSSQL);
  invoices.forEach(async (inv) => {
    // expect: db-loops/query-in-loop
    await rpt.request().input('id', sql.Int, inv.id).input('total', sql.Money, inv.total).query('INSERT INTO dbo.Invoices (Id, Total) VALUES (@id, @total)');
  });
}

async function pushToReportingBulk(invoices) {
  const rpt = await sql.connect(process.env.REPORTING_MSSQL);
  const table = new sql.Table('dbo.Invoices');
  table.columns.add('Id', sql.Int, { nullable: false });
  table.columns.add('Total', sql.Money, { nullable: true });
  for (const inv of invoices) {
    // expect-none: db-loops
    table.rows.add(inv.id, inv.total);
  }
  // expect-none: db-loops
  await rpt.request().bulk(table);
}

async function findExisting(candidates) {
  for (const number of candidates) {
    // expect-none: db-loops
    const { rows } = await pg.query('SELECT id FROM invoices WHERE number = $1', [number]);
    if (rows.length > 0) return rows[0].id;
  }
  return null;
}

async function creditNotes(db, invoices) {
  let i = 0;
  const notes = [];
  while (i < invoices.length) {
    // expect: db-loops/query-in-loop
    const [rows] = await db.query('SELECT * FROM credit_notes WHERE invoice_id = ?', [invoices[i].id]);
    notes.push(...rows);
    i++;
  }
  return notes;
}

async function resetSyncFlags(db) {
  // expect: db-loops/update-without-where
  await db.query('UPDATE invoices SET synced = 0');
  // expect: db-loops/update-without-where
  await pg.query('DELETE FROM invoice_staging');
  // expect-none: db-loops
  await pg.query('DELETE FROM invoice_staging WHERE loaded_at < now() - interval \'2 days\'');
  // expect-none: db-loops
  console.log('would run: UPDATE invoices SET synced = 0');
}

async function main() {
  const db = await billingConnection();
  try {
    const n = await copyInvoices(db);
    console.log(`copied ${n} invoices`, await statusCounts());
  } finally {
    await db.end();
    await pg.end();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
