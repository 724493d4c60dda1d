// Warehouse dashboard: Redis counters, Sequelize aggregates and pollers.
const Redis = require('ioredis');
const { PrismaClient } = require('@prisma/client');
const { Shipment, Parcel } = require('./models');

const redisClient = new Redis();
const prisma = new PrismaClient();

async function counters(skus) {
  const out = {};
  for (const sku of skus) {
    // expect: db-loops/query-in-loop
    out[sku] = await redisClient.get(`stock:${sku}`);
  }
  // expect-none: db-loops
  const all = await redisClient.mget(skus.map((s) => `stock:${s}`));
  return [out, all];
}

async function weightPerShipment(shipments) {
  const out = {};
  for (const s of shipments) {
    // expect: db-loops/query-in-loop
    out[s.id] = await Parcel.sum('weight', { where: { shipmentId: s.id } });
  }
  return out;
}

async function openParcels(ids) {
  // expect: db-loops/query-in-loop
  return ids.filter(async (id) => (await Parcel.count({ where: { shipmentId: id, open: true } })) > 0);
}

function mirror() {
  return setInterval(async () => {
    // expect: db-loops/unbounded-read-in-loop
    const rows = await prisma.shipment.findMany();
    console.log(rows.length);
    // expect-none: db-loops
    const recent = await prisma.shipment.findMany({ take: 50 });
    console.log(recent.length);
  }, 30000);
}

async function pollAll() {
  for (;;) {
    // expect: db-loops/unbounded-read-in-loop
    const everything = await Shipment.find({});
    // expect-none: db-loops
    const late = await Shipment.find({}).limit(100);
    console.log(everything.length, late.length);
    await new Promise((r) => setTimeout(r, 60000));
  }
}

module.exports = { counters, weightPerShipment, openParcels, mirror, pollAll };
