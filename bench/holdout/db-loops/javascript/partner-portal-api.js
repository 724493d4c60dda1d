// partner-portal-api.js — Express API behind the partner portal (internal tool,
// built by the channel-sales ops team). Postgres via pg, cache via ioredis.
const express = require('express');
const { Pool } = require('pg');
const Redis = require('ioredis');
const { PrismaClient } = require('@prisma/client');

const app = express();
const db = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const redis = new Redis(process.env.REDIS_URL);
const prisma = new PrismaClient();
const TIERS = ['silver', 'gold', 'platinum'];

class PartnerRepo {
  constructor(pool) {
    this.pool = pool;
  }

  async byId(id) {
    const { rows } = await this.pool.query('SELECT id, name, tier FROM partners WHERE id = $1', [id]);
    return rows[0];
  }

  async byIds(ids) {
    // expect-none: db-loops
    const { rows } = await this.pool.query('SELECT id, name, tier FROM partners WHERE id = ANY($1::int[])', [ids]);
    return rows;
  }

  async withPartners(deals) {
    const out = [];
    for (const deal of deals) {
      // expect: db-loops/query-in-loop
      out.push({ ...deal, partner: await this.byId(deal.partner_id) });
    }
    return out;
  }
}

const repo = new PartnerRepo(db);

app.get('/deals', async (req, res) => {
  // expect-none: db-loops
  const { rows: deals } = await db.query('SELECT id, partner_id, amount FROM deals WHERE quarter = $1 LIMIT 500', [req.query.q]);
  res.json(await repo.withPartners(deals));
});

app.get('/deals/fast', async (req, res) => {
  const { rows: deals } = await db.query('SELECT id, partner_id, amount FROM deals WHERE quarter = $1 LIMIT 500', [req.query.q]);
  const partners = await repo.byIds([...new Set(deals.map((d) => d.partner_id))]);
  const byId = new Map(partners.map((p) => [p.id, p]));
  res.json(deals.map((d) => ({ ...d, partner: byId.get(d.partner_id) })));
});

app.get('/partners/:id/contacts', async (req, res) => {
  // expect-none: db-loops
  const partner = await prisma.partner.findUnique({ where: { id: Number(req.params.id) }, include: { contacts: true } });
  res.json(partner);
});

app.get('/partners', async (req, res) => {
  const partners = await prisma.partner.findMany({ take: 100 });
  for (const p of partners) {
    // expect: db-loops/query-in-loop
    p.contacts = await prisma.contact.findMany({ where: { partnerId: p.id } });
    // expect: db-loops/query-in-loop
    p.openDeals = await prisma.deal.count({ where: { partnerId: p.id, stage: { not: 'closed' } } });
  }
  res.json(partners);
});

app.get('/tiers', async (req, res) => {
  const result = {};
  for (const tier of TIERS) {
    // expect-none: db-loops
    result[tier] = await prisma.partner.count({ where: { tier } });
  }
  res.json(result);
});

app.post('/deals/import', express.json(), async (req, res) => {
  const client = await db.connect();
  try {
    await client.query('BEGIN');
    for (const d of req.body.deals) {
      // expect: db-loops/query-in-loop
      await client.query('INSERT INTO deals (partner_id, amount, quarter) VALUES ($1, $2, $3)', [d.partner_id, d.amount, d.quarter]);
    }
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  res.sendStatus(204);
});

app.post('/deals/import-bulk', express.json(), async (req, res) => {
  const deals = req.body.deals;
  const params = [];
  const tuples = deals.map((d, i) => {
    params.push(d.partner_id, d.amount, d.quarter);
    return `($${i * 3 + 1}, $${i * 3 + 2}, $${i * 3 + 3})`;
  });
  // expect-none: db-loops
  await db.query(`INSERT INTO deals (partner_id, amount, quarter) VALUES ${tuples.join(', ')}`, params);
  res.sendStatus(204);
});

async function leaderboard(partnerIds) {
  const scores = {};
  for (const id of partnerIds) {
    // expect: db-loops/query-in-loop
    scores[id] = Number(await redis.get(`score:${id}`)) || 0;
  }
  return scores;
}

async function leaderboardPipelined(partnerIds) {
  const pipe = redis.pipeline();
  // expect-none: db-loops
  partnerIds.forEach((id) => pipe.get(`score:${id}`));
  const results = await pipe.exec();
  return Object.fromEntries(partnerIds.map((id, i) => [id, Number(results[i][1]) || 0]));
}

async function regionMatrix(regions, quarters) {
  const cells = [];
  for (const region of regions) {
    for (const quarter of quarters) {
      // expect: db-loops/query-in-loop
      const { rows } = await db.query('SELECT sum(amount) AS s FROM deals d JOIN partners p ON p.id = d.partner_id WHERE p.region = $1 AND d.quarter = $2', [region, quarter]);
      cells.push({ region, quarter, total: Number(rows[0].s) });
    }
  }
  return cells;
}

async function* partnerStream() {
  let lastId = 0;
  // expect-none: db-loops
  while (true) {
    const { rows } = await db.query('SELECT id, name FROM partners WHERE id > $1 ORDER BY id LIMIT 200', [lastId]);
    if (rows.length === 0) return;
    yield* rows;
    lastId = rows[rows.length - 1].id;
  }
}

async function tagInactive() {
  for await (const partner of partnerStream()) {
    // expect: db-loops/query-in-loop
    const { rows } = await db.query('SELECT max(created_at) AS last FROM deals WHERE partner_id = $1', [partner.id]);
    if (!rows[0].last) {
      // expect: db-loops/query-in-loop
      await db.query('UPDATE partners SET inactive = true WHERE id = $1', [partner.id]);
    }
  }
}

async function refreshCacheLoop() {
  // expect-none: db-loops
  while (true) {
    // expect: db-loops/unbounded-read-in-loop
    const { rows } = await db.query('SELECT * FROM partners');
    await redis.set('partners:all', JSON.stringify(rows));
    await new Promise((r) => setTimeout(r, 60_000));
  }
}

async function resetScores() {
  // expect: db-loops/update-without-where
  await db.query('UPDATE partners SET quarterly_score = 0');
  // expect-none: db-loops
  await db.query('UPDATE partners SET quarterly_score = 0 WHERE tier = $1', ['silver']);
}

app.listen(process.env.PORT || 3000);
