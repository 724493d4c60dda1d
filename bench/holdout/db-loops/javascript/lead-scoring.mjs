// lead-scoring.mjs — scores webinar sign-ups with an LLM, geocodes them and pushes
// the result to the CRM. Built with Copilot for the demand-gen team.
//   node lead-scoring.mjs signups.json
import fs from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import axios from 'axios';
import OpenAI from 'openai';
import Anthropic from '@anthropic-ai/sdk';
import pLimit from 'p-limit';

const openai = new OpenAI({ apiKey: process.env.OPENAI_API_KEY });
const anthropic = new Anthropic();
const MAPS_URL = 'https://maps.googleapis.com/maps/api/geocode/json';
const CRM = axios.create({ baseURL: 'https://api.pipedrive.com/v1', params: { api_token: process.env.PIPEDRIVE_TOKEN } });

async function scoreLeads(leads) {
  const scored = [];
  for (const lead of leads) {
    // expect: db-loops/api-call-in-loop
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: `Score 1-10 how likely this lead buys: ${JSON.stringify(lead)}` }],
    });
    scored.push({ ...lead, score: parseInt(completion.choices[0].message.content, 10) });
  }
  return scored;
}

async function summariseWithClaude(leads) {
  // expect: db-loops/api-call-in-loop
  return Promise.all(leads.map((l) => anthropic.messages.create({ model: 'claude-3-5-haiku-latest', max_tokens: 200, messages: [{ role: 'user', content: l.notes }] })));
}

async function scoreLeadsThrottled(leads) {
  const scored = [];
  for (const lead of leads) {
    // expect-none: db-loops
    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: lead.notes }] });
    scored.push({ ...lead, score: completion.choices[0].message.content });
    await sleep(750);
  }
  return scored;
}

async function geocode(leads) {
  for (const lead of leads) {
    // expect: db-loops/api-call-in-loop
    const res = await axios.get(MAPS_URL, { params: { address: lead.address, key: process.env.MAPS_KEY } });
    lead.location = res.data.results[0]?.geometry.location;
  }
  return leads;
}

const geoCache = new Map();

async function geocodeCached(leads) {
  for (const lead of leads) {
    if (geoCache.has(lead.postcode)) {
      lead.location = geoCache.get(lead.postcode);
      continue;
    }
    // expect-none: db-loops
    const res = await axios.get(MAPS_URL, { params: { address: lead.postcode, key: process.env.MAPS_KEY } });
    geoCache.set(lead.postcode, res.data.results[0]?.geometry.location);
    lead.location = geoCache.get(lead.postcode);
  }
  return leads;
}

async function companyDomains(leads) {
  const out = [];
  for (let i = 0; i < leads.length; i++) {
    // expect: db-loops/api-call-in-loop
    const r = await fetch(`https://autocomplete.clearbit.com/v1/companies/suggest?query=${encodeURIComponent(leads[i].company)}`);
    out.push((await r.json())[0]?.domain);
  }
  return out;
}

async function createPersons(leads) {
  // expect: db-loops/api-call-in-loop
  await Promise.all(leads.map((lead) => CRM.post('/persons', { name: lead.name, email: [lead.email] })));
}

async function createPersonsPolitely(leads) {
  for (const lead of leads) {
    // expect-none: db-loops
    await CRM.post('/persons', { name: lead.name, email: [lead.email] });
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function withRetry(fn, attempts = 4) {
  for (let a = 0; a < attempts; a++) {
    try {
      // expect-none: db-loops
      return await fn();
    } catch (err) {
      if (err.response?.status !== 429) throw err;
      await sleep(1000 * 2 ** a);
    }
  }
  throw new Error('rate limited');
}

async function embedAll(leads) {
  // expect-none: db-loops
  const res = await openai.embeddings.create({ model: 'text-embedding-3-small', input: leads.map((l) => l.notes) });
  return res.data.map((d) => d.embedding);
}

async function checkEndpoints() {
  for (const url of ['https://api.pipedrive.com/v1/users/me', 'https://api.openai.com/v1/models']) {
    // expect-none: db-loops
    const r = await fetch(url, { method: 'HEAD' });
    console.log(url, r.status);
  }
}

async function tagLeads(leads) {
  const tags = {};
  leads.forEach(async (lead) => {
    // expect: db-loops/api-call-in-loop
    const r = await openai.responses.create({ model: 'gpt-4o-mini', input: `One-word industry for ${lead.company}` });
    tags[lead.email] = r.output_text;
  });
  return tags;
}

async function fetchOpenAIRaw(prompts) {
  const answers = [];
  for (const prompt of prompts) {
    // expect: db-loops/api-call-in-loop
    const r = await fetch('https://api.openai.com/v1/chat/completions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${process.env.OPENAI_API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: prompt }] }),
    });
    answers.push((await r.json()).choices[0].message.content);
  }
  return answers;
}

async function main() {
  const leads = JSON.parse(await fs.readFile(process.argv[2], 'utf8'));
  const scored = await scoreLeads(leads);
  await geocode(scored);
  await withRetry(() => createPersons(scored));
  await fs.writeFile('scored.json', JSON.stringify(scored, null, 2));
}

main();
