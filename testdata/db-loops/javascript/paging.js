// Paged pulls from the CRM API and the events table.
const { Pool } = require('pg');

const pool = new Pool();

async function pullContacts(base) {
  const out = [];
  let page = 1;
  // expect: db-loops/paging-loop-without-empty-page-exit
  while (true) {
    const res = await fetch(`${base}/contacts?page=${page}`);
    out.push(...(await res.json()).contacts);
    page++;
    if (page > 30) break;
  }
  return out;
}

async function copyEvents(sink, deadline) {
  let offset = 0;
  // expect: db-loops/paging-loop-without-empty-page-exit
  for (;;) {
    const { rows } = await pool.query('SELECT id FROM events ORDER BY id LIMIT 100 OFFSET $1', [offset]);
    sink.push(...rows);
    offset += 100;
    if (Date.now() > deadline) return;
  }
}

async function pullContactsUntilEmpty(base) {
  const out = [];
  let page = 1;
  // expect-none: db-loops
  while (true) {
    const res = await fetch(`${base}/contacts?page=${page}`);
    const { contacts } = await res.json();
    if (contacts.length === 0) break;
    out.push(...contacts);
    page++;
  }
  return out;
}

async function copyEventsHasMore(sink) {
  let cursor;
  // expect-none: db-loops
  for (;;) {
    const res = await fetch(`/api/events?cursor=${cursor || ''}`);
    const body = await res.json();
    sink.push(...body.events);
    if (!body.hasMore) break;
    cursor = body.nextCursor;
  }
}
