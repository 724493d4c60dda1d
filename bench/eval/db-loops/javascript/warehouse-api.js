// Warehouse API: arrow helpers, class methods and SQL kept in constants.
const mysql = require('mysql2/promise');

const db = mysql.createPool(process.env.DATABASE_URL);

const stockOf = async (sku) => {
  const [rows] = await db.execute('SELECT qty FROM stock WHERE sku = ?', [sku]);
  return rows[0].qty;
};
const labelOf = (sku) => sku.toUpperCase();

async function reorder(skus) {
  const low = [];
  for (const sku of skus) {
    // expect: db-loops/query-in-loop
    if ((await stockOf(sku)) < 10) low.push(sku);
  }
  // expect-none: db-loops
  skus.forEach((s) => labelOf(s));
  return low;
}

async function zones() {
  const names = ['A', 'B', 'C'];
  const out = {};
  for (const z of names) {
    // expect-none: db-loops
    const [rows] = await db.execute('SELECT count(*) AS n FROM bins WHERE zone = ?', [z]);
    out[z] = rows[0].n;
  }
  return out;
}

class Transfers {
  constructor(pool) {
    this.pool = pool;
  }

  async history(palletId) {
    const [rows] = await this.pool.execute('SELECT * FROM transfers WHERE pallet_id = ? ORDER BY id DESC LIMIT 20', [palletId]);
    return rows;
  }

  format(p) {
    return `${p.id}@${p.bin}`;
  }

  async audit(pallets) {
    // expect: db-loops/query-in-loop
    await Promise.all(pallets.map((p) => this.history(p.id)));
    for (const p of pallets) {
      // expect-none: db-loops
      this.format(p);
    }
  }
}

async function tail(stop) {
  const sql = 'SELECT * FROM transfers WHERE state = ?';
  do {
    // expect: db-loops/unbounded-read-in-loop
    await db.query(sql, ['queued']);
    await new Promise((r) => setTimeout(r, 5000));
  } while (!stop());
}

async function wipeScratch() {
  // expect: db-loops/update-without-where
  const sql = 'DELETE FROM scratch_moves';
  await db.query(sql);
}

module.exports = { reorder, zones, Transfers, tail, wipeScratch };
