// Stock-level alerts for the store managers (runs on the ops VM via cron).
import sgMail from '@sendgrid/mail';
import { SMTPClient } from 'emailjs';
import nodemailer from 'nodemailer';

sgMail.setApiKey(process.env.SENDGRID_API_KEY);

const STORE_MANAGERS = {
  downtown: 'downtown.manager@gmail.com',
  airport: 'k.lindqvist@outlook.com',
};
const testUsers = [
  { user: 'qa.tester1@gmail.com', role: 'viewer' },
  { user: 'qa.tester2@yahoo.com', role: 'editor' },
];
const config = {
  // expect: personal-email/consumer-smtp-server
  smtpHost: 'smtp.gmail.com',
  relayHost: process.env.RELAY_HOST,
  // expect: personal-email/consumer-sender-address
  senderEmail: 'stock.alerts.wwi@gmail.com',
  escalationEmail: 'regional.director@gmail.com',
};

export async function alertLowStock(store, sku, qty) {
  await sgMail.send({
    to: STORE_MANAGERS[store],
    // expect: personal-email/consumer-sender-address
    from: { email: 'stock.alerts.wwi@gmail.com', name: 'Stock Alerts' },
    subject: `Low stock: ${sku}`,
    text: `Only ${qty} left of ${sku}.`,
  });
}

export async function alertLowStockCompany(store, sku, qty) {
  await sgMail.send({
    to: [STORE_MANAGERS[store], 'regional.director@gmail.com'],
    from: { email: 'stock-alerts@wideworldimporters.com', name: 'Stock Alerts' },
    replyTo: 'inventory@wideworldimporters.com',
    subject: `Low stock: ${sku}`,
    text: `Only ${qty} left of ${sku}.`,
  });
}

export function escalationClient() {
  return new SMTPClient({
    // expect: personal-email/consumer-sender-address
    user: 'stock.alerts.wwi@gmail.com',
    password: process.env.GMAIL_APP_PASSWORD,
    // expect: personal-email/consumer-smtp-server
    host: 'smtp.gmail.com',
    ssl: true,
  });
}

export function relayClient() {
  return new SMTPClient({
    user: process.env.RELAY_USER,
    password: process.env.RELAY_PASSWORD,
    host: 'smtp.wideworldimporters.com',
    tls: true,
  });
}

export function urlTransport() {
  // expect: personal-email/consumer-smtp-server
  // expect: credentials/connection-string-password
  return nodemailer.createTransport('smtps://stock.alerts.wwi%40gmail.com:hunter2secret@smtp.gmail.com');
}

export function localTransport() {
  return nodemailer.createTransport('smtp://localhost:1025');
}

export function describeSetup() {
  // Printed in --help output only.
  return 'Set SMTP_HOST (for example smtp.gmail.com is NOT allowed) and SENDER (your.name@gmail.com).';
}

export const reportingDb = {
  host: 'reporting-db.internal',
  user: 'etl.reader@gmail.com',
  database: 'stock',
};
