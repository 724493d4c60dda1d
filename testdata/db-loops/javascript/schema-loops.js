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

async function enableExtensions(client, extensionNames) {
  for (const name of extensionNames) {
    // expect-none: db-loops
    await pool.query(client, `CREATE EXTENSION IF NOT EXISTS "${name}"`);
  }
}

async function countNulls(dbColumns) {
  for (const c of dbColumns.filter((x) => x.nullable)) {
    const sql = `SELECT count(*) FROM events WHERE "${c.name}" IS NULL`;
    // expect-none: db-loops
    await pool.query(sql);
  }
}

async function logFields(row) {
  await Promise.all(Object.keys(row).map((k) =>
    // expect-none: db-loops
    pool.query('INSERT INTO field_log (name) VALUES ($1)', [k])));
}

async function eventsPerUser(eventsByUser) {
  await Promise.all(Object.keys(eventsByUser).map((id) =>
    // expect: db-loops/query-in-loop
    pool.query('UPDATE users SET last_event = now() WHERE id = $1', [id])));
}

module.exports = { dropPartitions, grantAll, columnTypes, markSeen, stableNames };
