// Partner dashboard API helpers: Redis lookups, Sequelize aggregates, pollers.
const Redis = require('ioredis');
const { PrismaClient } = require('@prisma/client');
const { Order, Payout, Ticket } = require('./models');

const redis = new Redis(process.env.REDIS_URL);
const prisma = new PrismaClient();

async function badgeCounts(partnerIds) {
  const out = {};
  for (const id of partnerIds) {
    // expect: db-loops/query-in-loop
    out[id] = await redis.get(`badges:${id}`);
  }
  return out;
}

async function badgeCountsBatched(partnerIds) {
  // expect-none: db-loops
  const values = await redis.mget(partnerIds.map((id) => `badges:${id}`));
  return Object.fromEntries(partnerIds.map((id, i) => [id, values[i]]));
}

async function payoutTotals(partners) {
  const totals = {};
  for (const p of partners) {
    // expect: db-loops/query-in-loop
    totals[p.id] = await Payout.sum('amount', { where: { partnerId: p.id } });
  }
  return totals;
}

async function grandTotal(partnerIds) {
  // expect-none: db-loops
  return Payout.sum('amount', { where: { partnerId: partnerIds } });
}

async function ordersPerPartner(partners) {
  return partners.reduce(async (accP, p) => {
    const acc = await accP;
    // expect: db-loops/query-in-loop
    acc[p.id] = await Order.count({ where: { partnerId: p.id } });
    return acc;
  }, Promise.resolve({}));
}

function sumAmounts(rows) {
  // expect-none: db-loops
  return rows.reduce((acc, r) => acc + r.amount, 0);
}

function startTicketMirror() {
  return setInterval(async () => {
    // expect: db-loops/unbounded-read-in-loop
    const all = await prisma.ticket.findMany();
    await pushToSheet(all);
  }, 60000);
}

function startTicketMirrorPaged() {
  return setInterval(async () => {
    // expect-none: db-loops
    const recent = await prisma.ticket.findMany({ take: 100, orderBy: { updatedAt: 'desc' } });
    await pushToSheet(recent);
  }, 60000);
}

async function pollTickets() {
  for (;;) {
    // expect: db-loops/unbounded-read-in-loop
    const open = await Ticket.find({});
    await pushToSheet(open);
    await new Promise((r) => setTimeout(r, 30000));
  }
}

async function pollTicketsOpen() {
  for (;;) {
    // expect-none: db-loops
    const open = await Ticket.find({ status: 'open' }).limit(200);
    await pushToSheet(open);
    await new Promise((r) => setTimeout(r, 30000));
  }
}

async function pushToSheet(rows) {
  return rows.length;
}

module.exports = { badgeCounts, badgeCountsBatched, payoutTotals, grandTotal, ordersPerPartner, sumAmounts, startTicketMirror, startTicketMirrorPaged, pollTickets, pollTicketsOpen };
