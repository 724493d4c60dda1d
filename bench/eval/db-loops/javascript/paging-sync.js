// Sync jobs of the partner portal: pulls orders, tickets and leads page by page.
const axios = require('axios');
const { Pool } = require('pg');
const knex = require('knex')({ client: 'pg' });
const Lead = require('./models/lead');

const pool = new Pool();

async function loadAllOrders(base, token) {
  const orders = [];
  let page = 1;
  // expect: db-loops/paging-loop-without-empty-page-exit
  while (true) {
    const res = await fetch(`${base}/orders?page=${page}&limit=100`, { headers: { Authorization: token } });
    const body = await res.json();
    orders.push(...body.orders);
    page++;
    if (page > 50) break;
  }
  return orders;
}

async function exportEvents(out, deadline) {
  let offset = 0;
  // expect: db-loops/paging-loop-without-empty-page-exit
  while (true) {
    const { rows } = await pool.query('SELECT id, kind FROM events ORDER BY id LIMIT 500 OFFSET $1', [offset]);
    rows.forEach((r) => out.write(r));
    offset += rows.length;
    if (Date.now() > deadline) break;
  }
}

async function pullTickets(api) {
  const tickets = [];
  let page = 0;
  // expect: db-loops/paging-loop-without-empty-page-exit
  for (;;) {
    let res;
    try {
      res = await axios.get(`${api}/tickets`, { params: { page } });
    } catch (err) {
      break;
    }
    tickets.push(...res.data.tickets);
    page += 1;
  }
  return tickets;
}

async function findLeadByPhone(phone) {
  let skip = 0;
  // expect: db-loops/paging-loop-without-empty-page-exit
  while (true) {
    const leads = await Lead.find({ status: 'open' }).skip(skip).limit(200);
    for (const lead of leads) {
      if (lead.phone === phone) return lead;
    }
    skip += 200;
  }
}

async function archiveAudit(max) {
  let offset = 0;
  let moved = 0;
  // expect: db-loops/paging-loop-without-empty-page-exit
  do {
    const batch = await knex('audit').select('*').orderBy('id').offset(offset).limit(1000);
    await knex('audit_archive').insert(batch);
    moved += batch.length;
    offset += 1000;
    if (moved >= max) break;
  } while (true);
}

// --- paged reads that stop when the data ends ------------------------------------------------

async function loadOrdersUntilEmpty(base) {
  const orders = [];
  let page = 1;
  // expect-none: db-loops
  while (true) {
    const res = await fetch(`${base}/orders?page=${page}&limit=100`);
    const body = await res.json();
    if (body.orders.length === 0) break;
    orders.push(...body.orders);
    page++;
  }
  return orders;
}

async function followNext(url) {
  const out = [];
  let page = 1;
  // expect-none: db-loops
  while (true) {
    const { data } = await axios.get(url, { params: { page } });
    out.push(...data.results);
    if (!data.next) break;
    page++;
  }
  return out;
}

async function exportShortPage(out) {
  let offset = 0;
  const pageSize = 500;
  // expect-none: db-loops
  while (true) {
    const { rows } = await pool.query('SELECT id FROM events ORDER BY id LIMIT $1 OFFSET $2', [pageSize, offset]);
    out.push(...rows);
    if (rows.length < pageSize) break;
    offset += pageSize;
  }
}

async function listCalendarEvents(calendar) {
  const events = [];
  let pageToken;
  // expect-none: db-loops
  while (true) {
    const res = await axios.get(calendar, { params: { pageToken } });
    events.push(...res.data.items);
    pageToken = res.data.nextPageToken;
    if (!pageToken) break;
  }
  return events;
}

async function listCharges(client) {
  const charges = [];
  let startingAfter;
  // expect-none: db-loops
  for (;;) {
    const res = await fetch(`${client}/v1/charges?starting_after=${startingAfter || ''}`);
    const body = await res.json();
    charges.push(...body.data);
    if (!body.has_more) return charges;
    startingAfter = body.data[body.data.length - 1].id;
  }
}

async function readAllPages(base) {
  const out = [];
  let page = 1;
  // expect-none: db-loops
  while (true) {
    const res = await fetch(`${base}/people?page=${page}`);
    const body = await res.json();
    out.push(...body.items);
    if (page >= body.totalPages) break;
    page += 1;
  }
  return out;
}

async function drainLeads() {
  let skip = 0;
  const all = [];
  // expect-none: db-loops
  while (true) {
    const leads = await Lead.find({}).skip(skip).limit(100);
    if (!leads.length) return all;
    all.push(...leads);
    skip += leads.length;
  }
}

async function workerLoop(queue, state) {
  // expect-none: db-loops
  while (true) {
    const job = await queue.claim();
    if (state.stopping) break;
    await job.run();
  }
}
