// Session badges for the support portal, kept in Redis (ioredis).
const Redis = require('ioredis');

const kv = new Redis(process.env.REDIS_URL);
const seenLocally = new Map();

async function badges(userIds) {
  const out = {};
  for (const id of userIds) {
    // expect: db-loops/query-in-loop
    out[id] = await kv.get(`badge:${id}`);
  }
  return out;
}

async function badgesBatched(userIds) {
  // expect-none: db-loops
  const values = await kv.mget(userIds.map((id) => `badge:${id}`));
  return values;
}

function localBadges(userIds) {
  // expect-none: db-loops
  return userIds.map((id) => seenLocally.get(id));
}

async function touchAll(userIds) {
  await Promise.all(userIds.map((id) =>
    // expect: db-loops/query-in-loop
    kv.expire(`session:${id}`, 3600)));
}

module.exports = { badges, badgesBatched, localBadges, touchAll };
