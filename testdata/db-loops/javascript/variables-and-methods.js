// Ticket digest service: constant lists in variables, SQL in variables, helpers as arrows and methods.
const { Pool } = require('pg');

const pool = new Pool();

const ownerOf = async (id) => (await pool.query('SELECT name FROM agents WHERE id = $1', [id])).rows[0];
const shortTitle = (t) => String(t.title).slice(0, 40);

async function digest(tickets) {
  const queues = ['billing', 'support', 'sales'];
  for (const q of queues) {
    // expect-none: db-loops
    await pool.query('SELECT count(*) FROM tickets WHERE queue = $1', [q]);
  }
  for (const t of tickets) {
    // expect: db-loops/query-in-loop
    await ownerOf(t.ownerId);
    // expect-none: db-loops
    shortTitle(t);
  }
  // expect: db-loops/query-in-loop
  return Promise.all(tickets.map((t) => ownerOf(t.ownerId)));
}

class Escalations {
  constructor(db) {
    this.db = db;
  }

  async lastNote(ticketId) {
    return this.db.query('SELECT body FROM notes WHERE ticket_id = $1 ORDER BY id DESC LIMIT 1', [ticketId]);
  }

  summary(ticket) {
    return `${ticket.id}: ${ticket.state}`;
  }

  async report(tickets) {
    for (const t of tickets) {
      // expect: db-loops/query-in-loop
      await this.lastNote(t.id);
      // expect-none: db-loops
      this.summary(t);
    }
  }
}

async function follow(signal) {
  const open = 'SELECT * FROM tickets WHERE state = $1';
  const page = 'SELECT * FROM tickets WHERE state = $1 LIMIT 100';
  while (!signal.aborted) {
    // expect: db-loops/unbounded-read-in-loop
    await pool.query(open, ['open']);
    // expect-none: db-loops
    await pool.query(page, ['open']);
    await new Promise((r) => setTimeout(r, 10000));
  }
}

async function resetScratch() {
  // expect: db-loops/update-without-where
  const wipe = 'DELETE FROM scratch_digest';
  await pool.query(wipe);
}

module.exports = { digest, Escalations, follow, resetScratch };
