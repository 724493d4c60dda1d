// Food-bank stock API: SQL assembled with template literals and +.
const mysql = require('mysql2/promise');

async function restockAll(conn, qty) {
  // expect: db-loops/update-without-where
  await conn.query(`UPDATE stock SET reorder_qty = '${qty}'`);
}

async function dropPallets(pool) {
  // expect: db-loops/update-without-where
  await pool.execute('DELETE FROM ' + 'pallets');
}

async function labelAll(pool, label) {
  // expect: db-loops/update-without-where
  const sql = "UPDATE stock SET shelf_label = '" + label + "'";
  await pool.query(sql);
}

async function restockOne(conn, id, qty) {
  // expect-none: db-loops
  await conn.query(`UPDATE stock SET reorder_qty = '${qty}' WHERE id = ${id}`);
}

async function dropWhere(pool, clause) {
  // expect-none: db-loops
  await pool.query(`DELETE FROM pallets ${clause}`);
}

async function dropTable(pool, name) {
  // expect-none: db-loops
  await pool.query(`DELETE FROM ${name}`);
}

async function setQty(pool, qty) {
  // expect-none: db-loops
  await pool.query('UPDATE stock SET reorder_qty = ' + qty);
}

async function clearDonor(pool, donorId) {
  let sql = 'DELETE FROM pledges';
  if (donorId) sql += ' WHERE donor_id = ' + pool.escape(donorId);
  // expect-none: db-loops
  await pool.query(sql);
}

async function escaped(pool) {
  // expect-none: db-loops
  await pool.query('UPDATE stock SET counted = 0\nWHERE shelf = 4');
}

async function watchDeliveries(conn, window) {
  for (;;) {
    // expect-none: db-loops
    const [rows] = await conn.query(`SELECT * FROM deliveries WHERE status = 'due' ${window}`);
    await dispatch(rows);
    await new Promise((resolve) => setTimeout(resolve, 60000));
    if (rows.length === 0) break;
  }
}
