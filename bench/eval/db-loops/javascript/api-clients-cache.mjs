// Lead scoring and CRM sync for the sales team: axios/got/ky instances, caches and helpers.
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import express from 'express';
import OpenAI from 'openai';

const openai = new OpenAI();
const CRM = axios.create({ baseURL: 'https://api.hubapi.com', headers: { Authorization: `Bearer ${process.env.HUBSPOT_TOKEN}` } });
const enrichApi = got.extend({ prefixUrl: 'https://company.clearbit.com/v2', responseType: 'json' });
const maps = ky.create({ prefixUrl: 'https://maps.googleapis.com/maps/api' });
const HELPDESK = axios.create({ baseURL: 'https://acme.zendesk.com/api/v2' });
const router = express.Router();
const geoCache = new Map();
const seenEmails = new Set();

export async function pushNotes(leads) {
  for (const lead of leads) {
    // expect: db-loops/api-call-in-loop
    await CRM.post('/crm/v3/objects/notes', { properties: { hs_note_body: lead.note } });
  }
}

export async function enrichCompanies(rows) {
  return Promise.all(
    // expect: db-loops/api-call-in-loop
    rows.map((r) => enrichApi.get('companies/find', { searchParams: { domain: r.domain } }).json())
  );
}

export async function geocodeWhile(rows) {
  const out = [];
  let i = 0;
  while (i < rows.length) {
    // expect: db-loops/api-call-in-loop
    out.push(await maps.get('geocode/json', { searchParams: { address: rows[i].address } }).json());
    i++;
  }
  return out;
}

export async function pingWhile(urls) {
  let i = 0;
  while (i < urls.length) {
    // expect: db-loops/api-call-in-loop
    await fetch(urls[i], { method: 'HEAD' });
    i += 1;
  }
}

export async function retryOnce(url) {
  let attempt = 0;
  while (attempt < 3) {
    // expect-none: db-loops
    const res = await fetch(url);
    if (res.ok) return res.json();
    attempt++;
  }
}

export async function geocodeCached(addresses) {
  const results = [];
  for (const address of addresses) {
    const key = address.trim().toLowerCase();
    if (geoCache.has(key)) {
      results.push(geoCache.get(key));
      continue;
    }
    // expect-none: db-loops
    const res = await fetch(`https://maps.googleapis.com/maps/api/geocode/json?address=${encodeURIComponent(key)}`);
    const body = await res.json();
    geoCache.set(key, body);
    results.push(body);
  }
  return results;
}

export async function geocodeOnMiss(addresses) {
  for (const a of addresses) {
    if (!geoCache.has(a)) {
      // expect-none: db-loops
      geoCache.set(a, await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address: a } }));
    }
  }
}

export async function geocodeWriteOnly(addresses) {
  for (const a of addresses) {
    // expect: db-loops/api-call-in-loop
    geoCache.set(a, await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address: a } }));
  }
}

export async function notifyUnique(contacts) {
  for (const c of contacts) {
    // expect: db-loops/api-call-in-loop
    const res = await CRM.get(`/crm/v3/objects/contacts/${c.id}`);
    if (seenEmails.has(res.data.properties.email)) continue;
    seenEmails.add(res.data.properties.email);
  }
}

async function scoreLead(lead) {
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: `Score: ${lead.notes}` }] });
  return r.choices[0].message.content;
}

const lookupDomain = async (domain) => enrichApi.get('companies/find', { searchParams: { domain } }).json();

async function scoreLeadMemo(lead) {
  const cached = geoCache.get(lead.id);
  if (cached !== undefined) return cached;
  const r = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: lead.notes }] });
  geoCache.set(lead.id, r);
  return r;
}

export async function scoreAll(leads) {
  for (const lead of leads) {
    // expect: db-loops/api-call-in-loop
    lead.score = await scoreLead(lead);
  }
}

export async function scoreAllMemo(leads) {
  for (const lead of leads) {
    // expect-none: db-loops
    lead.score = await scoreLeadMemo(lead);
  }
}

export async function lookupAll(domains) {
  // expect: db-loops/api-call-in-loop
  return Promise.all(domains.map((d) => lookupDomain(d)));
}

export class Enricher {
  async geocode(address) {
    const { data } = await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address } });
    return data.results[0];
  }

  async placeAll(stores) {
    for (const s of stores) {
      // expect: db-loops/api-call-in-loop
      s.location = await this.geocode(s.address);
    }
  }
}

export function mountRoutes(paths) {
  for (const p of paths) {
    // expect-none: db-loops
    router.get(p.path, p.handler);
  }
}

export async function mirrorTicketsForever(Ticket) {
  let page = 1;
  // expect: db-loops/unbounded-polling-loop
  while (true) {
    const res = await HELPDESK.get('/tickets.json', { params: { page } });
    await Ticket.insertMany(res.data.tickets);
    page += 1;
  }
}

export async function syncWithLocalClient(deals) {
  const api = axios.create({ baseURL: 'https://api.pipedrive.com/v1' });
  for (const d of deals) {
    // expect: db-loops/api-call-in-loop
    await api.put(`/deals/${d.id}`, { status: d.status });
  }
}

async function summarisePaced(ticket) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return openai.responses.create({ model: 'gpt-4o-mini', input: `Summarise: ${ticket.body}` });
}

export async function summariseAll(tickets) {
  for (const t of tickets) {
    // expect-none: db-loops
    t.summary = await summarisePaced(t);
  }
}

export async function geocodeNullish(addresses) {
  const out = [];
  for (const a of addresses) {
    // expect-none: db-loops
    out.push(geoCache.get(a) ?? (await fetch(`https://maps.googleapis.com/maps/api/geocode/json?address=${a}`)).json());
  }
  return out;
}

export async function geocodeOrEmpty(addresses) {
  const out = [];
  for (const a of addresses) {
    // expect: db-loops/api-call-in-loop
    out.push((await axios.get('https://maps.googleapis.com/maps/api/geocode/json', { params: { address: a } })).data || {});
  }
  return out;
}
