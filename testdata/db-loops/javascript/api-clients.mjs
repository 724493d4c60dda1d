// Support desk sync: ticket exports through a client instance, translation with a cache, SLA pings.
import axios from 'axios';
import got from 'got';

const desk = axios.create({ baseURL: 'https://support.example.com/api/v2', timeout: 10000 });
const slack = got.extend({ prefixUrl: 'https://slack.com/api', headers: { authorization: `Bearer ${process.env.SLACK_TOKEN}` } });
const translationCache = new Map();
const blockedDomains = new Set(["example.org"]);

export async function closeTickets(tickets) {
  for (const t of tickets) {
    // expect: db-loops/api-call-in-loop
    await desk.put(`/tickets/${t.id}`, { status: 'closed' });
  }
}

export async function announce(channels) {
  await Promise.all(
    // expect: db-loops/api-call-in-loop
    channels.map((c) => slack.post('chat.postMessage', { json: { channel: c.id, text: 'Maintenance at 22:00' } }))
  );
}

export async function escalate(tickets) {
  let k = 0;
  do {
    // expect: db-loops/api-call-in-loop
    await desk.post(`/tickets/${tickets[k].id}/escalate`);
    k++;
  } while (k < tickets.length);
}

export async function translateReplies(replies) {
  for (const r of replies) {
    if (translationCache.has(r.text)) {
      r.translated = translationCache.get(r.text);
      continue;
    }
    const res = await fetch('https://translation.googleapis.com/language/translate/v2', { method: 'POST', body: JSON.stringify({ q: r.text, target: 'en' }) });
    translationCache.set(r.text, (await res.json()).data.translations[0].translatedText);
    r.translated = translationCache.get(r.text);
  }
}

async function lookupAgent(id) {
  const res = await fetch(`https://support.example.com/api/v2/users/${id}.json`);
  return res.json();
}

export async function agentsFor(tickets) {
  for (const t of tickets) {
    // expect: db-loops/api-call-in-loop
    t.agent = await lookupAgent(t.assigneeId);
  }
}

export async function exportAllTickets(store) {
  let page = 1;
  // expect: db-loops/unbounded-polling-loop
  for (;;) {
    const res = await desk.get('/tickets.json', { params: { page } });
    await store.saveMany(res.data.tickets);
    page += 1;
  }
}

export function registerHandlers(app, routes) {
  for (const r of routes) {
    app.get(r.path, r.handler);
  }
}

export async function notifyCustomers(customers) {
  for (const c of customers) {
    if (blockedDomains.has(c.email.split('@')[1])) continue;
    // expect: db-loops/api-call-in-loop
    await slack.post('chat.postMessage', { json: { channel: c.slackId, text: 'Your ticket was updated' } });
  }
}

async function ticketHistory(id) {
  const res = await desk.get(`/tickets/${id}/audits.json`);
  return res.data.audits;
}

function auditTrail(id) {
  const local = new Map([[id, []]]);
  return local.get(id);
}

export async function historiesFor(tickets) {
  return Promise.all(
    // expect: db-loops/api-call-in-loop
    tickets.map((t) => ticketHistory(t.id))
  );
}

export function trailsFor(tickets) {
  return tickets.map((t) => auditTrail(t.id));
}

export async function translateNullish(replies) {
  for (const r of replies) {
    r.translated = translationCache.get(r.text) ?? (await desk.post('/translate', { text: r.text })).data;
  }
}
