// Background workers of the warehouse dashboard (Express app, node-postgres and Prisma).
const { setTimeout: sleep } = require('timers/promises');

async function watchStock(pool, notify) {
  while (true) {
    // expect: db-loops/unbounded-read-in-loop
    const { rows } = await pool.query('SELECT sku, qty FROM stock WHERE qty < reorder_level');
    rows.forEach((r) => notify(r.sku, r.qty));
    await sleep(60000);
  }
}

async function exportOrders(prisma, shop) {
  let more = true;
  while (more) {
    // expect: db-loops/unbounded-read-in-loop
    const orders = await prisma.order.findMany({ where: { exported: false } });
    more = await shop.upload(orders);
    await sleep(5000);
  }
}

async function exportOrdersPaged(prisma, shop) {
  for (;;) {
    // expect-none: db-loops
    const orders = await prisma.order.findMany({ where: { exported: false }, take: 200 });
    if (orders.length === 0) break;
    await shop.upload(orders);
  }
}

async function watchBounded(pool, notify) {
  while (true) {
    // expect-none: db-loops
    const { rows } = await pool.query('SELECT sku FROM stock WHERE qty < reorder_level LIMIT 100');
    rows.forEach((r) => notify(r.sku));
    await sleep(60000);
  }
}

async function followOne(pool, orderId) {
  let status = 'new';
  while (status !== 'shipped') {
    // expect-none: db-loops
    const { rows } = await pool.query('SELECT status FROM orders WHERE id = $1', [orderId]);
    status = rows[0].status;
    await sleep(10000);
  }
}

async function countQueued(pool) {
  while (true) {
    // expect-none: db-loops
    const { rows } = await pool.query('SELECT count(*) AS n FROM jobs');
    console.log(rows[0].n);
    await sleep(30000);
  }
}

module.exports = { watchStock, exportOrders, exportOrdersPaged, watchBounded, followOne, countQueued };

function startStockTimer(pool, notify) {
  return setInterval(async () => {
    // expect: db-loops/unbounded-read-in-loop
    const { rows } = await pool.query('SELECT sku, qty FROM stock WHERE qty < reorder_level');
    rows.forEach((r) => notify(r.sku, r.qty));
  }, 60000);
}

function startBoundedTimer(pool, notify) {
  return setInterval(async function tick() {
    // expect-none: db-loops
    const { rows } = await pool.query('SELECT sku FROM stock WHERE qty < reorder_level LIMIT 50');
    rows.forEach((r) => notify(r.sku));
  }, 60000);
}

function startOrderTimer(pool, orderId, onShipped) {
  return setInterval(async () => {
    // expect-none: db-loops
    const { rows } = await pool.query('SELECT status FROM orders WHERE id = $1', [orderId]);
    if (rows[0].status === 'shipped') onShipped();
  }, 10000);
}

module.exports.timers = { startStockTimer, startBoundedTimer, startOrderTimer };
