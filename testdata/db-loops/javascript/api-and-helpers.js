// Store locator sync: geocodes stores, asks an LLM for blurbs, and looks up owners per store.
const axios = require('axios');
const OpenAI = require('openai');
const { Pool } = require('pg');

const openai = new OpenAI();
const pool = new Pool();
const LANGUAGES = ['en', 'de'];

async function geocodeAll(stores) {
  for (const store of stores) {
    // expect: db-loops/api-call-in-loop
    const res = await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address: store.address } });
    store.location = res.data.results[0].geometry.location;
  }
}

async function geocodePaced(stores) {
  for (const store of stores) {
    const res = await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address: store.address } });
    store.location = res.data.results[0].geometry.location;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function blurbs(stores) {
  return Promise.all(
    // expect: db-loops/api-call-in-loop
    stores.map((s) => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: s.name }] }))
  );
}

async function greetings() {
  const out = {};
  for (const lang of LANGUAGES) {
    out[lang] = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `hello in ${lang}` }] });
  }
  return out;
}

async function ownerName(storeId) {
  const { rows } = await pool.query('SELECT owner FROM stores WHERE id = $1', [storeId]);
  return rows[0] && rows[0].owner;
}

function slug(store) {
  return store.name.toLowerCase().replace(/\s+/g, '-');
}

async function owners(stores) {
  for (const store of stores) {
    // expect: db-loops/query-in-loop
    store.owner = await ownerName(store.id);
    store.slug = slug(store);
  }
}

async function ownersParallel(stores) {
  // expect: db-loops/query-in-loop
  return Promise.all(stores.map((s) => ownerName(s.id)));
}

async function stampStores(stores) {
  const ref = (id) => pool.query('UPDATE stores SET synced_at = now() WHERE id = $1', [id]);
  for (const s of stores) {
    // expect: db-loops/query-in-loop
    await knex('stores').where({ id: s.id }).update({ synced_at: new Date() });
  }
  return ref;
}

async function resetFlags(storeIds) {
  // expect: db-loops/update-without-where
  await pool.query('UPDATE stores SET flagged = false');
  await pool.query('UPDATE stores SET flagged = true WHERE id = ANY($1)', [storeIds]);
  // expect: db-loops/update-without-where
  await pool.query(`DELETE FROM store_cache`);
  await pool.query(`DELETE FROM ${'store_cache'}`);
  console.log('DELETE FROM store_cache');
}

module.exports = { resetFlags, geocodeAll, geocodePaced, blurbs, greetings, owners, ownersParallel, stampStores };
