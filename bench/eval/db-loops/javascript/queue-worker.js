// Queue worker for PDF invoice generation (node worker.js). Ops team.
const { Client } = require('pg');

const client = new Client({ connectionString: process.env.QUEUE_DB });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function workForever() {
  await client.connect();
  // expect: db-loops/unbounded-polling-loop
  for (;;) {
    const { rows } = await client.query("SELECT id FROM pdf_jobs WHERE state = 'queued'");
    for (const job of rows) render(job.id);
  }
}

async function workPolitely() {
  await client.connect();
  // expect-none: db-loops
  for (;;) {
    const { rows } = await client.query("SELECT id FROM pdf_jobs WHERE state = 'queued' LIMIT 20");
    rows.forEach((job) => render(job.id));
    await sleep(rows.length ? 0 : 10000);
  }
}

async function drain() {
  await client.connect();
  // expect-none: db-loops
  while (true) {
    const { rowCount } = await client.query("DELETE FROM pdf_jobs WHERE id IN (SELECT id FROM pdf_jobs WHERE state = 'done' LIMIT 1000)");
    if (rowCount === 0) break;
  }
}

async function heartbeat() {
  await client.connect();
  // expect: db-loops/unbounded-polling-loop
  do {
    await client.query('UPDATE workers SET seen_at = now() WHERE name = $1', ['pdf-1']);
  } while (true);
}

function render(id) {
  console.log('render', id);
}

module.exports = { workForever, workPolitely, drain, heartbeat };
