// Marketing helpers: generate product blurbs and geocode store addresses (run from a laptop).
const axios = require('axios');
const OpenAI = require('openai');
const Anthropic = require('@anthropic-ai/sdk');

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const anthropic = new Anthropic();
const TONES = ['friendly', 'formal'];

async function blurbs(products) {
  const out = [];
  for (const p of products) {
    // expect: db-loops/api-call-in-loop
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Blurb for ${p.name}` }] });
    out.push(r.choices[0].message.content);
  }
  return out;
}

async function toneSamples(product) {
  const out = {};
  for (const tone of TONES) {
    // expect-none: db-loops
    const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `${tone}: ${product}` }] });
    out[tone] = r.choices[0].message.content;
  }
  return out;
}

async function translateAll(texts) {
  return Promise.all(
    texts.map((t) =>
      // expect: db-loops/api-call-in-loop
      anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 200, messages: [{ role: 'user', content: `Translate to German: ${t}` }] })
    )
  );
}

async function geocodeStores(stores) {
  for (const store of stores) {
    // expect: db-loops/api-call-in-loop
    const res = await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address: store.address, key: process.env.MAPS_KEY } });
    store.location = res.data.results[0].geometry.location;
  }
}

async function geocodeStoresPolitely(stores) {
  for (const store of stores) {
    // expect-none: db-loops
    const res = await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address: store.address, key: process.env.MAPS_KEY } });
    store.location = res.data.results[0].geometry.location;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function hubspotContacts(emails) {
  const contacts = [];
  for (const email of emails) {
    // expect: db-loops/api-call-in-loop
    const r = await fetch(`https://api.hubapi.com/crm/v3/objects/contacts/${encodeURIComponent(email)}?idProperty=email`, {
      headers: { Authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` },
    });
    contacts.push(await r.json());
  }
  return contacts;
}

async function hubspotContactsBatched(emails) {
  // expect-none: db-loops
  const r = await fetch('https://api.hubapi.com/crm/v3/objects/contacts/batch/read', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.HUBSPOT_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ idProperty: 'email', inputs: emails.map((id) => ({ id })) }),
  });
  return r.json();
}

async function waitForExport(jobId) {
  // expect-none: db-loops
  for (let attempt = 0; attempt < 20; attempt++) {
    const r = await axios.get(`https://api.example-crm.com/exports/${jobId}`);
    if (r.data.state === 'done') return r.data.url;
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  throw new Error('export timed out');
}

async function spinOnExport(jobId) {
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const r = await axios.get(`https://api.example-crm.com/exports/${jobId}`);
    console.log(r.data.state);
  }
}

module.exports = { blurbs, toneSamples, translateAll, geocodeStores, geocodeStoresPolitely, hubspotContacts, hubspotContactsBatched, waitForExport, spinOnExport };
