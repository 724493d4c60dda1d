// Helpdesk mini-API (Express + pg) built by the IT support lead for the internal portal.
const express = require('express');
const { Pool } = require('pg');

const db = new Pool({ connectionString: process.env.HELPDESK_DB });
const app = express();
const PRIORITIES = ['P1', 'P2', 'P3'];

async function agentName(agentId) {
  const { rows } = await db.query('SELECT name FROM agents WHERE id = $1', [agentId]);
  return rows[0] ? rows[0].name : null;
}

async function ticketTags(ticketId) {
  const { rows } = await db.query('SELECT tag FROM ticket_tags WHERE ticket_id = $1', [ticketId]);
  return rows.map((r) => r.tag);
}

app.get('/tickets', async (req, res) => {
  const { rows: tickets } = await db.query('SELECT id, title, agent_id FROM tickets WHERE open LIMIT 200');
  for (const t of tickets) {
    // expect: db-loops/query-in-loop
    t.agent = await agentName(t.agent_id);
    // expect: db-loops/query-in-loop
    t.tags = await ticketTags(t.id);
  }
  res.json(tickets);
});

app.get('/tickets-joined', async (req, res) => {
  // expect-none: db-loops
  const { rows } = await db.query(`SELECT t.id, t.title, a.name AS agent, array_agg(tt.tag) AS tags
    FROM tickets t LEFT JOIN agents a ON a.id = t.agent_id LEFT JOIN ticket_tags tt ON tt.ticket_id = t.id
    WHERE t.open GROUP BY t.id, a.name LIMIT 200`);
  res.json(rows);
});

app.get('/priority-counts', async (req, res) => {
  const out = {};
  for (const p of PRIORITIES) {
    // expect-none: db-loops
    const { rows } = await db.query('SELECT COUNT(*) AS n FROM tickets WHERE priority = $1', [p]);
    out[p] = Number(rows[0].n);
  }
  res.json(out);
});

app.post('/tickets/close', async (req, res) => {
  for (const id of req.body.ids) {
    // expect: db-loops/query-in-loop
    await db.query('UPDATE tickets SET open = false, closed_at = now() WHERE id = $1', [id]);
  }
  res.sendStatus(204);
});

app.post('/tickets/close-batched', async (req, res) => {
  // expect-none: db-loops
  await db.query('UPDATE tickets SET open = false, closed_at = now() WHERE id = ANY($1)', [req.body.ids]);
  res.sendStatus(204);
});

app.post('/tickets/import', async (req, res) => {
  const rows = req.body.rows;
  for (let i = 0; i < rows.length; i += 1) {
    // expect: db-loops/query-in-loop
    await db.query('INSERT INTO tickets (title, requester) VALUES ($1, $2)', [rows[i].title, rows[i].requester]);
  }
  res.sendStatus(201);
});

app.post('/tickets/import-batched', async (req, res) => {
  const values = req.body.rows.flatMap((r) => [r.title, r.requester]);
  const placeholders = req.body.rows.map((_, i) => `($${2 * i + 1}, $${2 * i + 2})`).join(', ');
  // expect-none: db-loops
  await db.query(`INSERT INTO tickets (title, requester) VALUES ${placeholders}`, values);
  res.sendStatus(201);
});

app.get('/agents/load', async (req, res) => {
  const { rows: agents } = await db.query('SELECT id, name FROM agents');
  const load = await Promise.all(
    agents.map(async (a) => {
      // expect: db-loops/query-in-loop
      const r = await db.query('SELECT COUNT(*) AS n FROM tickets WHERE agent_id = $1 AND open', [a.id]);
      return { agent: a.name, open: Number(r.rows[0].n) };
    })
  );
  res.json(load);
});

app.get('/agents/load-grouped', async (req, res) => {
  // expect-none: db-loops
  const { rows } = await db.query('SELECT a.name AS agent, COUNT(t.id) AS open FROM agents a LEFT JOIN tickets t ON t.agent_id = a.id AND t.open GROUP BY a.name');
  res.json(rows);
});

async function escalate(tickets) {
  tickets.forEach(async (t) => {
    if (t.ageHours > 48) {
      // expect: db-loops/query-in-loop
      await db.query('UPDATE tickets SET priority = $1 WHERE id = $2', ['P1', t.id]);
    }
  });
}

async function notifySlack(tickets) {
  for (const t of tickets) {
    // expect: db-loops/api-call-in-loop
    await fetch(process.env.SLACK_WEBHOOK_URL, { method: 'POST', body: JSON.stringify({ text: `Ticket ${t.id} escalated` }) });
  }
}

async function notifySlackOnce(tickets) {
  const text = tickets.map((t) => `Ticket ${t.id} escalated`).join('\n');
  // expect-none: db-loops
  await fetch(process.env.SLACK_WEBHOOK_URL, { method: 'POST', body: JSON.stringify({ text }) });
}

function titles(tickets) {
  // expect-none: db-loops
  return tickets.filter((t) => t.open).map((t) => t.title.trim());
}

app.post('/tickets/reset', async (req, res) => {
  // expect: db-loops/update-without-where
  await db.query('UPDATE tickets SET escalated = false');
  // expect-none: db-loops
  await db.query('UPDATE tickets SET escalated = false WHERE closed_at IS NOT NULL');
  // expect: db-loops/update-without-where
  await db.query(`DELETE FROM ticket_drafts`);
  // expect-none: db-loops
  await db.query(`DELETE FROM ticket_drafts WHERE created_at < now() - interval '30 days'`);
  res.sendStatus(204);
});

app.listen(3000);
module.exports = { escalate, notifySlack, notifySlackOnce, titles };
