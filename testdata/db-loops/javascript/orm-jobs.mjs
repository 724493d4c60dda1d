// Nightly jobs for the partner portal (Sequelize + Mongoose + Firestore).
import { Customer, Order } from './models/index.js';
import mongoose from 'mongoose';
import { getFirestore } from 'firebase-admin/firestore';

const db = getFirestore();
const Ticket = mongoose.model('Ticket');

export async function attachOwners(tickets) {
  for (const ticket of tickets) {
    // expect: db-loops/query-in-loop
    ticket.owner = await Customer.findByPk(ticket.ownerId);
    // expect: db-loops/query-in-loop
    const count = await Order.count({ where: { customerId: ticket.ownerId } });
    ticket.orderCount = count;
  }
  return tickets;
}

export async function attachOwnersBatched(tickets) {
  const owners = await Customer.findAll({ where: { id: tickets.map((t) => t.ownerId) } });
  const byId = new Map(owners.map((o) => [o.id, o]));
  for (const ticket of tickets) {
    ticket.owner = byId.get(ticket.ownerId);
    ticket.meta = Object.create({ source: 'sync' });
  }
  return tickets;
}

export async function closeStale(ids) {
  for await (const id of ids) {
    // expect: db-loops/query-in-loop
    await Ticket.findByIdAndUpdate(id, { status: 'closed' });
  }
  await Ticket.updateMany({ _id: { $in: ids } }, { status: 'archived' });
}

export async function loadProfiles(userIds) {
  const profiles = {};
  for (const uid of userIds) {
    // expect: db-loops/query-in-loop
    const snap = await db.collection('profiles').doc(uid).get();
    profiles[uid] = snap.data();
  }
  const refs = userIds.map((uid) => db.collection('profiles').doc(uid));
  const snaps = await db.getAll(...refs);
  return { profiles, snaps };
}

export async function copyLegacyIds(rows, conn) {
  let i = 0;
  while (i < rows.length) {
    // expect: db-loops/query-in-loop
    await conn.execute('UPDATE legacy SET migrated = 1 WHERE id = ?', [rows[i].id]);
    i += 1;
  }
  let hasMore = true;
  let offset = 0;
  while (hasMore) {
    const [page] = await conn.execute('SELECT id FROM legacy LIMIT 500 OFFSET ?', [offset]);
    hasMore = page.length === 500;
    offset += 500;
  }
}

export async function workQueue(pool) {
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const { rows } = await pool.query("SELECT * FROM jobs WHERE status = 'queued' LIMIT 10");
    for (const job of rows) console.log(job.id);
  }
}

export async function workQueuePolite(pool) {
  while (true) {
    const { rows } = await pool.query("SELECT * FROM jobs WHERE status = 'queued' LIMIT 10");
    if (rows.length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
}

export async function pollApi() {
  // expect: db-loops/unbounded-polling-loop
  for (;;) {
    const res = await fetch('https://api.example.com/v2/orders?status=new');
    console.log(await res.json());
  }
}

export async function pollUntilDone(jobId) {
  for (;;) {
    const res = await fetch(`https://api.example.com/v2/jobs/${jobId}`);
    const body = await res.json();
    if (body.done) return body;
    await sleep(2000);
  }
}

export async function mergeContacts(pool, leads, customers) {
  for (const person of [...leads, ...customers]) {
    // expect: db-loops/query-in-loop
    await pool.query('INSERT INTO contacts (email) VALUES ($1) ON CONFLICT DO NOTHING', [person.email]);
  }
  for (const table of ['contacts', 'contacts_archive']) {
    await pool.query(`VACUUM ANALYZE ${table}`);
  }
  [leads, customers].forEach(async (list) => {
    await pool.query('SELECT 1', [list.length]);
  });
}

export async function tailChanges(pool) {
  // expect: db-loops/unbounded-polling-loop
  do {
    // expect: db-loops/unbounded-read-in-loop
    const { rows } = await pool.query('SELECT * FROM changes WHERE seen = false');
    rows.forEach((r) => console.log(r.id));
  } while (true);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
