// Sends low-stock alerts from the warehouse tablet app backend.
const nodemailer = require('nodemailer');

// expect: personal-email/consumer-sender-address
const MAIL_FROM = 'lager.halvorsen@outlook.com';

const transport = nodemailer.createTransport({
  // nodemailer's Outlook365 preset is smtp.office365.com, a business server
  // expect-none: personal-email
  service: 'Outlook365',
  auth: { user: process.env.MAIL_USER, pass: process.env.MAIL_PASS },
});

const relay = nodemailer.createTransport({
  // expect-none: personal-email
  host: process.env.RELAY_HOST || 'relay.halvorsen-marine.no',
  port: 25,
});

async function lowStock(item) {
  await transport.sendMail({
    from: MAIL_FROM,
    // expect-none: personal-email
    to: 'lager@halvorsen-marine.no',
    subject: `Low stock: ${item.sku}`,
    text: `${item.name} is at ${item.qty}.`,
  });
}

async function lowStockRelay(item) {
  await relay.sendMail({
    // expect-none: personal-email
    from: 'lager-alerts@halvorsen-marine.no',
    to: 'lager@halvorsen-marine.no',
    subject: `Low stock: ${item.sku}`,
  });
}

function isPersonalAddress(address) {
  // expect-none: personal-email
  return ['gmail.com', 'outlook.com', 'hotmail.no', 'yahoo.no'].includes(address.split('@')[1]);
}

module.exports = { lowStock, lowStockRelay, isPersonalAddress };
