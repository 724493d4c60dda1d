#!/usr/bin/env node
// shop-export.js — weekly merchandising export. Reads products from the shop DB (knex),
// customer loyalty data (Sequelize), a local price-history file (better-sqlite3) and
// store-visit counts from Firestore; writes one CSV per category.
const fs = require('fs');
const path = require('path');
const knex = require('knex')({ client: 'pg', connection: process.env.SHOP_DB });
const { Sequelize, DataTypes, Op } = require('sequelize');
const Database = require('better-sqlite3');
const admin = require('firebase-admin');

admin.initializeApp();
const firestore = admin.firestore();
const sequelize = new Sequelize(process.env.LOYALTY_DB, { logging: false });
const Member = sequelize.define('Member', { email: DataTypes.STRING, tier: DataTypes.STRING, points: DataTypes.INTEGER });
const Purchase = sequelize.define('Purchase', { memberId: DataTypes.INTEGER, sku: DataTypes.STRING, qty: DataTypes.INTEGER });
const history = new Database(path.join(__dirname, 'price-history.db'), { readonly: true });
const OUT_DIR = process.env.OUT_DIR || './out';
const CATEGORIES = ['apparel', 'footwear', 'accessories'];

async function productsByCategory() {
  const result = {};
  for (const cat of CATEGORIES) {
    // expect-none: db-loops
    result[cat] = await knex('products').where({ category: cat, active: true }).select('sku', 'name', 'price');
  }
  return result;
}

async function stockFor(products) {
  for (const p of products) {
    // expect: db-loops/query-in-loop
    const row = await knex('inventory').where({ sku: p.sku }).first('on_hand');
    p.onHand = row ? row.on_hand : 0;
  }
  return products;
}

async function stockForBatched(products) {
  // expect-none: db-loops
  const rows = await knex('inventory').whereIn('sku', products.map((p) => p.sku)).select('sku', 'on_hand');
  const bySku = Object.fromEntries(rows.map((r) => [r.sku, r.on_hand]));
  return products.map((p) => ({ ...p, onHand: bySku[p.sku] ?? 0 }));
}

function priceTrend(products) {
  const stmt = history.prepare('SELECT price FROM prices WHERE sku = ? ORDER BY day DESC LIMIT 30');
  return products.map((p) => {
    // expect: db-loops/query-in-loop
    const prices = stmt.all(p.sku).map((r) => r.price);
    return { sku: p.sku, min30: Math.min(...prices) };
  });
}

function priceTrendBatched() {
  // expect-none: db-loops
  const rows = history.prepare('SELECT sku, min(price) AS min30 FROM prices WHERE day >= date(\'now\', \'-30 days\') GROUP BY sku').all();
  return new Map(rows.map((r) => [r.sku, r.min30]));
}

async function loyaltyReport() {
  // expect-none: db-loops
  const gold = await Member.findAll({ where: { tier: 'gold' }, limit: 1000 });
  const lines = [];
  for (const m of gold) {
    // expect: db-loops/query-in-loop
    const purchases = await Purchase.findAll({ where: { memberId: m.id } });
    // expect: db-loops/query-in-loop
    const total = await Purchase.sum('qty', { where: { memberId: m.id } });
    lines.push(`${m.email},${purchases.length},${total}`);
  }
  return lines;
}

async function loyaltyReportFast() {
  const gold = await Member.findAll({ where: { tier: 'gold' }, limit: 1000 });
  // expect-none: db-loops
  const purchases = await Purchase.findAll({ where: { memberId: { [Op.in]: gold.map((m) => m.id) } } });
  return purchases.length;
}

async function upgradeMembers(emails) {
  await Promise.all(
    // expect: db-loops/query-in-loop
    emails.map((email) => Member.update({ tier: 'gold' }, { where: { email } })),
  );
}

async function upgradeMembersOnce(emails) {
  // expect-none: db-loops
  await Member.update({ tier: 'gold' }, { where: { email: { [Op.in]: emails } } });
}

async function storeVisits(storeIds) {
  const visits = {};
  for (const id of storeIds) {
    // expect: db-loops/query-in-loop
    const snap = await firestore.collection('stores').doc(id).get();
    visits[id] = snap.exists ? snap.data().visits : 0;
  }
  return visits;
}

async function storeVisitsBatched(storeIds) {
  const refs = storeIds.map((id) => firestore.collection('stores').doc(id));
  // expect-none: db-loops
  const snaps = await firestore.getAll(...refs);
  return Object.fromEntries(snaps.map((s) => [s.id, s.exists ? s.data().visits : 0]));
}

async function resetVisitCounters(storeIds) {
  const batch = firestore.batch();
  for (const id of storeIds) {
    // expect-none: db-loops
    batch.update(firestore.collection('stores').doc(id), { visits: 0 });
  }
  await batch.commit();
}

async function totalPoints(members) {
  return members.reduce(async (accP, m) => {
    const acc = await accP;
    // expect: db-loops/query-in-loop
    const fresh = await Member.findByPk(m.id);
    return acc + fresh.points;
  }, Promise.resolve(0));
}

async function clearExportLog() {
  // expect: db-loops/update-without-where
  await knex.raw('DELETE FROM export_log');
  // expect-none: db-loops
  await knex.raw('DELETE FROM export_log WHERE exported_at < ?', [new Date(Date.now() - 30 * 864e5)]);
  // expect: db-loops/update-without-where
  await sequelize.query('UPDATE members SET newsletter_sent = false');
}

async function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const byCat = await productsByCategory();
  const withStock = await stockForBatched(Object.values(byCat).flat());
  for (const cat of Object.keys(byCat)) {
    const csv = withStock.filter((p) => byCat[cat].some((q) => q.sku === p.sku)).map((p) => `${p.sku},${p.name},${p.price},${p.onHand}`).join('\n');
    fs.writeFileSync(path.join(OUT_DIR, `${cat}.csv`), csv);
  }
  await knex.destroy();
}

main().catch((e) => { console.error(e); process.exit(1); });
