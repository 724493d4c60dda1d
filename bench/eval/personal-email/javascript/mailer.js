'use strict';
// Shared transport for the ops dashboard. All settings come from the environment.
const nodemailer = require('nodemailer');

function createTransport() {
  return nodemailer.createTransport({
    // expect-none: personal-email
    host: process.env.SMTP_HOST,
    port: Number(process.env.SMTP_PORT || 587),
    secure: false,
    auth: {
      // expect-none: personal-email
      user: process.env.SMTP_USER,
      pass: process.env.SMTP_PASSWORD,
    },
  });
}

function createDevTransport() {
  // MailHog on the developer machine
  // expect-none: personal-email
  return nodemailer.createTransport({ host: 'localhost', port: 1025, ignoreTLS: true });
}

function createRelayTransport() {
  return nodemailer.createTransport({
    // expect-none: personal-email
    host: 'smtp.brightline-logistics.com',
    port: 25,
  });
}

function createSendgridTransport() {
  return nodemailer.createTransport({
    // expect-none: personal-email
    service: 'SendGrid',
    auth: { user: 'apikey', pass: process.env.SENDGRID_API_KEY },
  });
}

async function notify(transport, to, subject, text) {
  return transport.sendMail({
    // expect-none: personal-email
    from: process.env.MAIL_FROM || 'ops-dashboard@brightline-logistics.com',
    to,
    subject,
    text,
  });
}

async function notifyOnCall(transport, text) {
  return transport.sendMail({
    // expect-none: personal-email
    from: 'ops-dashboard@brightline-logistics.com',
    // expect-none: personal-email
    to: ['oncall@brightline-logistics.com', 'stefan.oncall.phone@gmail.com'],
    subject: 'Dashboard alert',
    text,
  });
}

module.exports = { createTransport, createDevTransport, createRelayTransport, createSendgridTransport, notify, notifyOnCall };
