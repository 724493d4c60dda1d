// Admin scripts for the support-desk MySQL database, run by hand from a laptop.
// Schema chores walk tables, indexes and columns; the ticket jobs walk data.
const mysql = require('mysql2/promise');

const pool = mysql.createPool(process.env.DESK_DB);

async function dropIndexes(indexNames) {
  for (const idx of indexNames) {
    // expect-none: db-loops
    await pool.query(`DROP INDEX ${idx} ON tickets`);
  }
}

async function addColumns(missingColumns) {
  for (const column of missingColumns) {
    // expect-none: db-loops
    await pool.query(`ALTER TABLE tickets ADD COLUMN ${column} VARCHAR(255)`);
  }
}

async function countRows(tableNames) {
  const counts = {};
  for (const table of tableNames) {
    // expect-none: db-loops
    const [rows] = await pool.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = rows[0].n;
  }
  return counts;
}

async function describeAll() {
  const [tables] = await pool.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'desk'");
  const out = {};
  for (const t of tables) {
    // expect-none: db-loops
    const [cols] = await pool.query('SELECT column_name FROM information_schema.columns WHERE table_name = ?', [t.table_name]);
    out[t.table_name] = cols;
  }
  return out;
}

async function dropChecks(constraintNames) {
  constraintNames.forEach(async (name) => {
    // expect-none: db-loops
    await pool.query(`ALTER TABLE tickets DROP CHECK ${name}`);
  });
}

async function truncateStaging(stagingTables) {
  for (const t of stagingTables) {
    // expect-none: db-loops
    await pool.execute(`TRUNCATE TABLE ${t}`);
  }
}

async function closeTickets(ticketIds) {
  for (const id of ticketIds) {
    // expect: db-loops/query-in-loop
    await pool.query('UPDATE tickets SET status = ? WHERE id = ?', ['closed', id]);
  }
}

async function agentNames(rows) {
  const names = [];
  for (const row of rows) {
    // expect: db-loops/query-in-loop
    const [r] = await pool.query('SELECT name FROM agents WHERE id = ?', [row.agent_id]);
    names.push(r[0].name);
  }
  return names;
}

async function timetableShifts(timetables) {
  for (const entry of timetables) {
    // expect: db-loops/query-in-loop
    await pool.query('INSERT INTO shifts (agent_id, starts_at) VALUES (?, ?)', [entry.agent, entry.start]);
  }
}

module.exports = { dropIndexes, addColumns, countRows, describeAll, dropChecks, truncateStaging, closeTickets, agentNames, timetableShifts };
