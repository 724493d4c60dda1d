// Outbox relay of the booking site: moves confirmed bookings to the partner API.
const { setTimeout: sleep } = require('timers/promises');
const { PrismaClient } = require('@prisma/client');

const prisma = new PrismaClient();

async function relayBookings(partner) {
  while (true) {
    // expect: db-loops/unbounded-read-in-loop
    const pending = await prisma.booking.findMany({ where: { relayed: false }, orderBy: { id: 'asc' } });
    await partner.send(pending);
    await sleep(15000);
  }
}

async function relayCancellations(db, partner) {
  while (partner.connected) {
    // expect: db-loops/unbounded-read-in-loop
    const { rows } = await db.query("SELECT id, booking_id FROM cancellations WHERE relayed = false");
    await partner.cancel(rows);
    await sleep(15000);
  }
}

async function relayBookingsPaged(partner) {
  while (true) {
    // expect-none: db-loops
    const pending = await prisma.booking.findMany({ where: { relayed: false }, take: 100 });
    if (pending.length === 0) {
      await sleep(15000);
      continue;
    }
    await partner.send(pending);
  }
}

async function waitUntilConfirmed(db, bookingId) {
  let confirmed = false;
  while (!confirmed) {
    // expect-none: db-loops
    const { rows } = await db.query('SELECT confirmed FROM bookings WHERE booking_id = $1', [bookingId]);
    confirmed = rows[0].confirmed;
    await sleep(2000);
  }
}


function startRefundTimer(db, partner) {
  return setInterval(async () => {
    // expect: db-loops/unbounded-read-in-loop
    const { rows } = await db.query('SELECT id, amount FROM refunds WHERE state = \'open\'');
    await partner.refund(rows);
  }, 30000);
}

function startRefundTimerPaged(db, partner) {
  return setInterval(async () => {
    // expect-none: db-loops
    const { rows } = await db.query('SELECT id, amount FROM refunds WHERE state = \'open\' ORDER BY id LIMIT 100');
    await partner.refund(rows);
  }, 30000);
}

module.exports = { startRefundTimer, startRefundTimerPaged, relayBookings, relayCancellations, relayBookingsPaged, waitUntilConfirmed };
