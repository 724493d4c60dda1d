// Nightly stock report with the emailjs SMTP client.
import { SMTPClient, Message } from 'emailjs';
import { readFile } from 'node:fs/promises';

const client = new SMTPClient({
  // expect: personal-email/consumer-sender-address
  user: 'warehouse.east.stock@gmail.com',
  password: process.env.GMAIL_APP_PW,
  // expect: personal-email/consumer-smtp-server
  host: 'smtp.gmail.com',
  ssl: true,
});

const relay = new SMTPClient({
  // expect-none: personal-email
  host: process.env.SMTP_HOST ?? 'smtp.brightline-logistics.com',
  // expect-none: personal-email
  user: process.env.SMTP_USER,
  password: process.env.SMTP_PASSWORD,
  tls: true,
});

export async function sendStockReport() {
  const csv = await readFile('out/stock_levels.csv', 'utf8');
  const message = new Message({
    text: 'Stock levels attached.',
    // expect: personal-email/consumer-sender-address
    from: 'Warehouse East <warehouse.east.stock@gmail.com>',
    // expect-none: personal-email
    to: 'inventory@brightline-logistics.com',
    subject: 'Stock levels',
    attachment: [{ data: csv, alternative: false, name: 'stock_levels.csv', type: 'text/csv' }],
  });
  await client.sendAsync(message);
}

export async function sendStockReportViaRelay() {
  await relay.sendAsync({
    text: 'Stock levels are on the share.',
    // expect-none: personal-email
    from: 'warehouse-east@brightline-logistics.com',
    to: 'inventory@brightline-logistics.com',
    subject: 'Stock levels',
  });
}
