// Weekly KPI job for the ops dashboard. Runs under pm2 on the reporting box.
const sql = require('mssql');
const knex = require('knex')({ client: 'mysql2', connection: process.env.KPI_DB });
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL);
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

async function storeKpis(stores) {
  const pool = await sql.connect(process.env.MSSQL_URL);
  const result = [];
  for (const store of stores) {
    // expect: db-loops/query-in-loop
    const r = await pool.request().input('id', sql.Int, store.id).query('SELECT SUM(amount) AS revenue FROM sales WHERE store_id = @id');
    result.push({ store: store.name, revenue: r.recordset[0].revenue });
  }
  return result;
}

async function quarterTotals() {
  const out = {};
  for (const q of QUARTERS) {
    // expect-none: db-loops
    const [row] = await knex('sales').where('quarter', q).sum('amount as total');
    out[q] = row.total;
  }
  return out;
}

async function saveTargets(targets) {
  for (const t of targets) {
    // expect: db-loops/query-in-loop
    await knex('targets').insert({ store_id: t.storeId, target: t.amount }).onConflict('store_id').merge();
  }
}

async function saveTargetsBatched(targets) {
  // expect-none: db-loops
  await knex('targets').insert(targets.map((t) => ({ store_id: t.storeId, target: t.amount }))).onConflict('store_id').merge();
}

async function managerNames(stores) {
  const people = mongo.db('hr').collection('people');
  const out = [];
  for (const s of stores) {
    // expect: db-loops/query-in-loop
    const m = await people.findOne({ _id: s.managerId });
    out.push(m ? m.name : '');
  }
  return out;
}

async function managerNamesBatched(stores) {
  const people = mongo.db('hr').collection('people');
  // expect-none: db-loops
  return people.find({ _id: { $in: stores.map((s) => s.managerId) } }).toArray();
}

async function stampStores(storeIds) {
  let i = 0;
  while (i < storeIds.length) {
    // expect: db-loops/query-in-loop
    await knex.raw('UPDATE stores SET kpi_at = NOW() WHERE id = ?', [storeIds[i]]);
    i++;
  }
}

async function nestedRegions(regions) {
  for (const region of regions) {
    for (const store of region.stores) {
      // expect: db-loops/query-in-loop
      await knex('store_region').insert({ store_id: store.id, region: region.name });
    }
  }
}

async function countDocsPerStore(stores) {
  const sales = mongo.db('pos').collection('sales');
  const counts = {};
  for (const s of stores) {
    // expect: db-loops/query-in-loop
    counts[s.id] = await sales.countDocuments({ storeId: s.id });
  }
  return counts;
}

async function countDocsGrouped() {
  const sales = mongo.db('pos').collection('sales');
  // expect-none: db-loops
  return sales.aggregate([{ $group: { _id: '$storeId', n: { $sum: 1 } } }]).toArray();
}

function formatRows(rows) {
  const lines = [];
  for (const r of rows) {
    // expect-none: db-loops
    lines.push(`${r.store}\t${r.revenue.toFixed(2)}`);
  }
  return lines.join('\n');
}

module.exports = { storeKpis, quarterTotals, saveTargets, saveTargetsBatched, managerNames, managerNamesBatched, stampStores, nestedRegions, countDocsPerStore, countDocsGrouped, formatRows };
