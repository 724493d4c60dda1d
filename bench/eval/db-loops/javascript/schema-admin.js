// Maintenance endpoints of the partner portal (Sequelize on Postgres), run from an admin page.
const { Sequelize } = require('sequelize');

const sequelize = new Sequelize(process.env.PORTAL_DB);
const qg = sequelize.getQueryInterface().queryGenerator;

async function dropColumnForeignKeys(table, results) {
  await Promise.all(results.map((c) =>
    // expect-none: db-loops
    sequelize.query(qg.dropForeignKeyQuery(table, c.constraint_name))));
}

async function nullableColumnCounts(dbColumns, table) {
  const out = {};
  for (const col of dbColumns.filter((c) => c.is_nullable === 'YES')) {
    const sql = `SELECT count(*) AS n FROM "${table}" WHERE "${col.column_name}" IS NULL`;
    // expect-none: db-loops
    const [rows] = await sequelize.query(sql);
    out[col.column_name] = rows[0].n;
  }
  return out;
}

async function runSplit(sqlText) {
  const subQueries = sqlText.split(';').filter((q) => q.trim() !== '');
  for (const subQuery of subQueries) {
    // expect-none: db-loops
    await sequelize.query(`${subQuery};`);
  }
}

async function dropEnums(enums) {
  await Promise.all(enums.map((e) =>
    // expect-none: db-loops
    sequelize.query(`DROP TYPE IF EXISTS "${e.enum_name}"`)));
}

async function partnerTotals(partners) {
  const totals = {};
  for (const p of partners.filter((x) => x.active)) {
    // expect: db-loops/query-in-loop
    const [rows] = await sequelize.query('SELECT sum(amount) AS t FROM payouts WHERE partner_id = $1', { bind: [p.id] });
    totals[p.id] = rows[0].t;
  }
  return totals;
}

async function lookupSearches(searchQueries) {
  const out = [];
  for (const term of searchQueries) {
    // expect: db-loops/query-in-loop
    const [rows] = await sequelize.query('SELECT id FROM partners WHERE name ILIKE $1', { bind: [`%${term}%`] });
    out.push(rows);
  }
  return out;
}

async function installExtensions(client, extensionsToInstall) {
  for (const ext of extensionsToInstall) {
    // expect-none: db-loops
    await sequelize.query(client, `CREATE EXTENSION IF NOT EXISTS "${ext}"`);
  }
}

async function sampleEachTable(tableNamesForExport) {
  return Promise.all(tableNamesForExport.map((name) =>
    // expect-none: db-loops
    sequelize.query(`SELECT * FROM ${name} LIMIT 5`)));
}

async function auditRowFields(row, table) {
  await Promise.all(Object.keys(row).map((field) =>
    // expect-none: db-loops
    sequelize.query('INSERT INTO field_audit (tbl, field) VALUES ($1, $2)', { bind: [table, field] })));
}

async function payoutsPerPartner(partnersById) {
  return Promise.all(Object.keys(partnersById).map((id) =>
    // expect: db-loops/query-in-loop
    sequelize.query('SELECT * FROM payouts WHERE partner_id = $1', { bind: [id] })));
}

async function reserveStock(vegetablesForSale) {
  for (const v of vegetablesForSale) {
    // expect: db-loops/query-in-loop
    await sequelize.query('UPDATE stock SET reserved = reserved + 1 WHERE sku = $1', { bind: [v.sku] });
  }
}

module.exports = { dropColumnForeignKeys, nullableColumnCounts, runSplit, dropEnums, partnerTotals, lookupSearches };
