// job-runner.js — small worker for the ops dashboard: picks up report jobs from
// Postgres (Prisma), mirrors ticket data into Mongo (mongoose) and pages through
// the helpdesk API. Started by pm2.
const { PrismaClient } = require('@prisma/client');
const mongoose = require('mongoose');
const axios = require('axios');

const prisma = new PrismaClient();
const Ticket = mongoose.model('Ticket', new mongoose.Schema({ extId: String, status: String, agent: String }));
const Agent = mongoose.model('Agent', new mongoose.Schema({ extId: String, name: String, team: String }));
const HELPDESK = axios.create({ baseURL: 'https://acme.zendesk.com/api/v2', auth: { username: process.env.ZD_USER, password: process.env.ZD_TOKEN } });

const wait = (ms) => new Promise((r) => setTimeout(r, ms));
let shuttingDown = false;
process.on('SIGTERM', () => { shuttingDown = true; });

async function runJob(job) {
  return { rows: job.params?.limit ?? 0 };
}

async function workHot() {
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const job = await prisma.reportJob.findFirst({ where: { status: 'queued' }, orderBy: { createdAt: 'asc' } });
    if (job) {
      await runJob(job);
    }
  }
}

async function work() {
  // expect-none: db-loops
  while (!shuttingDown) {
    const job = await prisma.reportJob.findFirst({ where: { status: 'queued' }, orderBy: { createdAt: 'asc' } });
    if (!job) {
      await wait(5000);
      continue;
    }
    await runJob(job);
  }
}

async function drainOnce() {
  // expect-none: db-loops
  for (;;) {
    const job = await prisma.reportJob.findFirst({ where: { status: 'queued' } });
    if (!job) break;
    await runJob(job);
    await prisma.reportJob.update({ where: { id: job.id }, data: { status: 'done' } });
  }
}

async function spin() {
  // expect: db-loops/unbounded-polling-loop
  for (;;) {
    const pending = await Ticket.countDocuments({ status: 'new' });
    console.log('pending tickets', pending);
  }
}

function startDashboardRefresh() {
  setInterval(async () => {
    // expect: db-loops/unbounded-read-in-loop
    const all = await prisma.ticketStat.findMany();
    console.log('stats rows', all.length);
  }, 30_000);
}

function startDashboardRefreshBounded() {
  setInterval(async () => {
    // expect-none: db-loops
    const latest = await prisma.ticketStat.findMany({ orderBy: { at: 'desc' }, take: 50 });
    console.log('latest stats', latest.length);
  }, 30_000);
}

async function watchAgents() {
  // expect-none: db-loops
  while (!shuttingDown) {
    // expect: db-loops/unbounded-read-in-loop
    const agents = await Agent.find({});
    console.log('agents online', agents.filter((a) => a.team).length);
    await wait(60_000);
  }
}

async function mirrorTicketsForever() {
  let page = 1;
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const { data } = await HELPDESK.get('/tickets.json', { params: { page, per_page: 100 } });
    await Ticket.insertMany(data.tickets.map((t) => ({ extId: String(t.id), status: t.status })));
    page += 1;
  }
}

async function mirrorTickets() {
  let url = '/tickets.json?per_page=100';
  // expect-none: db-loops
  while (url) {
    const { data } = await HELPDESK.get(url);
    await Ticket.insertMany(data.tickets.map((t) => ({ extId: String(t.id), status: t.status })));
    url = data.next_page;
  }
}

async function mirrorAgentsCursor() {
  let cursor = null;
  // expect-none: db-loops
  do {
    const { data } = await HELPDESK.get('/users.json', { params: { role: 'agent', 'page[after]': cursor } });
    await Agent.insertMany(data.users.map((u) => ({ extId: String(u.id), name: u.name })));
    cursor = data.meta.has_more ? data.meta.after_cursor : null;
  } while (cursor);
}

async function exportJobsForever(offset = 0) {
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const batch = await prisma.reportJob.findMany({ skip: offset, take: 200, orderBy: { id: 'asc' } });
    process.stdout.write(batch.map((j) => JSON.stringify(j)).join('\n') + '\n');
    offset += 200;
  }
}

async function exportJobs() {
  let offset = 0;
  // expect-none: db-loops
  while (true) {
    const batch = await prisma.reportJob.findMany({ skip: offset, take: 200, orderBy: { id: 'asc' } });
    if (batch.length === 0) break;
    process.stdout.write(batch.map((j) => JSON.stringify(j)).join('\n') + '\n');
    offset += batch.length;
  }
}

async function assignAgents(tickets) {
  for (const t of tickets) {
    // expect: db-loops/query-in-loop
    const agent = await Agent.findOne({ extId: t.assignee_id });
    // expect: db-loops/query-in-loop
    await Ticket.updateOne({ extId: String(t.id) }, { agent: agent?.name });
  }
}

async function assignAgentsBulk(tickets) {
  // expect-none: db-loops
  const agents = await Agent.find({ extId: { $in: tickets.map((t) => t.assignee_id) } }).lean();
  const byId = new Map(agents.map((a) => [a.extId, a.name]));
  // expect-none: db-loops
  await Ticket.bulkWrite(tickets.map((t) => ({ updateOne: { filter: { extId: String(t.id) }, update: { agent: byId.get(t.assignee_id) } } })));
}

async function closeJobs(ids) {
  for (const id of ids) {
    // expect: db-loops/query-in-loop
    await prisma.reportJob.update({ where: { id }, data: { status: 'closed' } });
  }
  // expect-none: db-loops
  await prisma.reportJob.updateMany({ where: { id: { in: ids } }, data: { status: 'closed' } });
}

async function seedJobs(specs) {
  // expect-none: db-loops
  await prisma.reportJob.createMany({ data: specs.map((s) => ({ name: s.name, status: 'queued', params: s })) });
  // expect: db-loops/query-in-loop
  const created = await Promise.all(specs.map((s) => prisma.reportJob.create({ data: { name: s.name, status: 'queued' } })));
  return created.length;
}

async function main() {
  await mongoose.connect(process.env.MONGO_URL);
  startDashboardRefresh();
  await work();
}

main();
