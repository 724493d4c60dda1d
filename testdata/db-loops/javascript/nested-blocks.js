// Refund processor for the support team's Postgres database (node-postgres).
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.SUPPORT_DB_URL });
const STATUSES = ['open', 'pending'];

async function applyRefunds(refunds) {
  for (const refund of refunds) {
    if (refund.approved) {
      try {
        if (refund.kind === 'full') {
          if (refund.amount > 0) {
            // expect: db-loops/query-in-loop
            await pool.query('UPDATE orders SET refunded = amount WHERE id = $1', [refund.orderId]);
          }
        } else {
          console.log('partial refunds are handled by finance', refund.id);
        }
      } catch (err) {
        console.error('refund failed', refund.id, err.message);
      }
    }
  }
}

async function countByStatus(agents) {
  const counts = {};
  for (const agent of agents) {
    for (const status of STATUSES) {
      // expect: db-loops/query-in-loop
      const { rows } = await pool.query('SELECT COUNT(*) FROM tickets WHERE agent = $1 AND status = $2', [agent, status]);
      counts[`${agent}:${status}`] = rows[0].count;
    }
  }
  return counts;
}

async function touchAgents(agents) {
  // expect: db-loops/query-in-loop
  for (const agent of agents) await pool.query('UPDATE agents SET seen_at = now() WHERE id = $1', [agent]);
}

async function exportOpenTickets(writeLine) {
  for (const row of (await pool.query("SELECT * FROM tickets WHERE status = 'open' LIMIT 1000")).rows) {
    if (row.priority === 'high') {
      for (const status of STATUSES) {
        writeLine(row.id, status);
      }
    }
  }
  for (const status of STATUSES) {
    await pool.query('SELECT COUNT(*) FROM tickets WHERE status = $1', [status]);
  }
}

async function scheduleReminders(tickets, queue) {
  for (const ticket of tickets) {
    queue.push(async () => {
      await pool.query('UPDATE tickets SET reminded = true WHERE id = $1', [ticket.id]);
    });
  }
}

module.exports = { applyRefunds, countByStatus, touchAgents, exportOpenTickets, scheduleReminders };
