// Postgres chores for the events dashboard: schema loops are bounded by the schema,
// loops over events are not.
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.EVENTS_DB });

async function dropPartitions(oldPartitions) {
  for (const p of oldPartitions) {
    // expect-none: db-loops
    await pool.query(`DROP TABLE IF EXISTS ${p}`);
  }
}

async function grantAll(reportingSchemas) {
  for (const s of reportingSchemas) {
    // expect-none: db-loops
    await pool.query(`GRANT USAGE ON SCHEMA ${s} TO dashboard`);
  }
}

async function columnTypes(tableNames) {
  const out = {};
  for (const t of tableNames) {
    // expect-none: db-loops
    const r = await pool.query('SELECT column_name, data_type FROM information_schema.columns WHERE table_name = $1', [t]);
    out[t] = r.rows;
  }
  return out;
}

async function markSeen(events) {
  for (const e of events) {
    // expect: db-loops/query-in-loop
    await pool.query('UPDATE events SET seen = true WHERE id = $1', [e.id]);
  }
}

async function stableNames(stables) {
  for (const s of stables) {
    // expect: db-loops/query-in-loop
    await pool.query('INSERT INTO horses (stable_id) VALUES ($1)', [s.id]);
  }
}

module.exports = { dropPartitions, grantAll, columnTypes, markSeen, stableNames };
