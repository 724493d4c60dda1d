// Admin endpoints of the volunteer-scheduling app: SQL built with templates and +.
const { Pool } = require('pg');
const mysql = require('mysql2/promise');

const pool = new Pool({ connectionString: process.env.SHIFTS_DB });

async function resetPlans(plan) {
  // expect: db-loops/update-without-where
  await pool.query(`UPDATE volunteers SET plan = '${plan}'`);
}

async function relabelShifts(conn, label) {
  // expect: db-loops/update-without-where
  await conn.execute("UPDATE shifts SET label = '" + label + "'");
}

async function wipeDrafts() {
  // expect: db-loops/update-without-where
  await pool.query('DELETE FROM ' + 'shift_drafts');
}

async function stampAll(client, when, who) {
  // expect: db-loops/update-without-where
  await client.query(`UPDATE rota
       SET checked_at = '${when}',
           checked_by = '${who}'`);
}

async function closeThenPurge(id) {
  // expect: db-loops/update-without-where
  await pool.query(`UPDATE shifts SET open = false WHERE id = ${id}; DELETE FROM shift_locks`);
}

async function closeOne(id) {
  // expect-none: db-loops
  await pool.query(`UPDATE shifts SET open = false WHERE id = ${id}`);
}

async function deleteOne(conn, id) {
  // expect-none: db-loops
  await conn.query('DELETE FROM signups WHERE id = ' + id);
}

async function purgeWhere(where) {
  // expect-none: db-loops
  await pool.query(`DELETE FROM signups ${where}`);
}

async function purgeTable(table) {
  // expect-none: db-loops
  await pool.query('DELETE FROM ' + table);
}

async function setValue(value) {
  // expect-none: db-loops
  await pool.query(`UPDATE settings SET value = ${value}`);
}

async function purgeYear(year) {
  // expect-none: db-loops
  await pool.query(`DELETE FROM shifts_${year} WHERE archived`);
}

async function rename(conn, id, name) {
  // expect-none: db-loops
  await conn.query("UPDATE volunteers SET name = '" + name + "' WHERE id = " + id);
}

function describe(plan) {
  // expect-none: db-loops
  console.log(`UPDATE volunteers SET plan = '${plan}'`);
}

async function purgeUnlessFiltered(conn, volunteerId) {
  let sql = 'DELETE FROM reminders';
  if (volunteerId) sql += ` WHERE volunteer_id = ${volunteerId}`;
  // expect-none: db-loops
  await conn.query(sql);
}

async function resetSeen(conn, when) {
  // expect: db-loops/update-without-where
  const sql = `UPDATE notifications SET seen_at = '${when}'`;
  await conn.query(sql);
}

async function multiline(conn, flag) {
  // expect-none: db-loops
  await conn.query("UPDATE volunteers SET active = " + flag + "\n" + "WHERE last_login < now() - interval '1 year'");
}

async function relayOutbox(limitClause) {
  while (!stopping) {
    // expect-none: db-loops
    const { rows } = await pool.query(`SELECT * FROM outbox WHERE sent = false ${limitClause}`);
    await Promise.all(rows.map(send));
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function pollSignups(conn, page) {
  do {
    // expect-none: db-loops
    const [rows] = await conn.query('SELECT * FROM signups ' + page.sql);
    page = nextPage(page, rows);
  } while (page);
}
