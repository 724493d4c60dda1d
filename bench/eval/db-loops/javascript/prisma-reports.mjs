// Monthly usage report for the internal billing tool (Prisma + better-sqlite3 cache).
import { PrismaClient } from '@prisma/client';
import Database from 'better-sqlite3';
import knexFactory from 'knex';

const prisma = new PrismaClient();
const cache = new Database('usage-cache.db');
const knex = knexFactory({ client: 'pg', connection: process.env.BILLING_DB });
const PLANS = ['free', 'team', 'enterprise'];

export async function usageByCustomer(customers) {
  const report = [];
  for (const c of customers) {
    // expect: db-loops/query-in-loop
    const events = await prisma.usageEvent.findMany({ where: { customerId: c.id } });
    report.push({ customer: c.name, count: events.length });
  }
  return report;
}

export async function usageByCustomerGrouped(customers) {
  // expect-none: db-loops
  return prisma.usageEvent.groupBy({ by: ['customerId'], _count: true, where: { customerId: { in: customers.map((c) => c.id) } } });
}

export async function planCounts() {
  const out = {};
  for (const plan of PLANS) {
    // expect-none: db-loops
    out[plan] = await prisma.customer.count({ where: { plan } });
  }
  return out;
}

export async function createInvoices(lines) {
  for (const line of lines) {
    // expect: db-loops/query-in-loop
    await prisma.invoice.create({ data: { customerId: line.customerId, amount: line.amount } });
  }
}

export async function createInvoicesBatched(lines) {
  // expect-none: db-loops
  await prisma.invoice.createMany({ data: lines.map((l) => ({ customerId: l.customerId, amount: l.amount })) });
}

export async function customerPlans(ids) {
  // expect: db-loops/query-in-loop
  return Promise.all(ids.map((id) => prisma.customer.findUnique({ where: { id } })));
}

export function cachedTotals(customerIds) {
  const stmt = cache.prepare('SELECT total FROM usage_totals WHERE customer_id = ?');
  const totals = {};
  for (const id of customerIds) {
    // expect: db-loops/query-in-loop
    totals[id] = stmt.get(id);
  }
  return totals;
}

export function cacheTotals(rows) {
  const insert = cache.prepare('INSERT OR REPLACE INTO usage_totals (customer_id, total) VALUES (?, ?)');
  // expect-none: db-loops
  const insertAll = cache.transaction((items) => { for (const r of items) insert.run(r.customerId, r.total); });
  insertAll(rows);
}

export async function regionRollup(regions) {
  const out = [];
  for (const region of regions) {
    // expect: db-loops/query-in-loop
    const [row] = await knex('usage_events').where({ region }).sum('units as units');
    out.push({ region, units: row.units });
  }
  return out;
}

export async function regionRollupGrouped() {
  // expect-none: db-loops
  return knex('usage_events').select('region').sum('units as units').groupBy('region');
}

export async function archiveCustomers(customers) {
  for (const c of customers) {
    if (c.plan !== 'free') continue;
    // expect: db-loops/query-in-loop
    await prisma.customer.update({ where: { id: c.id }, data: { archived: true } });
  }
}

export async function archiveCustomersBatched(customers) {
  // expect-none: db-loops
  await prisma.customer.updateMany({ where: { id: { in: customers.map((c) => c.id) } }, data: { archived: true } });
}

export async function pageThroughEvents(handle) {
  let cursor;
  // expect-none: db-loops
  while (true) {
    const page = await prisma.usageEvent.findMany({ take: 500, ...(cursor && { skip: 1, cursor: { id: cursor } }), orderBy: { id: 'asc' } });
    if (page.length === 0) break;
    handle(page);
    cursor = page[page.length - 1].id;
  }
}

export async function pageThroughEventsForever(handle) {
  let skip = 0;
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const page = await prisma.usageEvent.findMany({ skip, take: 500 });
    handle(page);
    skip += 500;
  }
}
