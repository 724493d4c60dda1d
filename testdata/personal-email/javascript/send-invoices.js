// Sends the weekly AR aging invoices to customers.
// Setup: copy .env.example to .env and fill SMTP_HOST, SMTP_USER, SMTP_PASS.
// Please don't put your own address (e.g. jane@gmail.com) in here.
'use strict';

const fs = require('fs');
const path = require('path');
const nodemailer = require('nodemailer');

// expect: personal-email/consumer-sender-address
const SENDER_EMAIL = 'ar.tailspin.billing@gmail.com';
const ACCOUNTING_TEAM = ['ar@tailspin-toys.com', 'controller@tailspin-toys.com'];
const ownerPersonalEmail = 'b.okafor@icloud.com';
const PERSONAL_DOMAINS = ['gmail.com', 'yahoo.com', 'hotmail.com', 'icloud.com'];
const personalMail = /@(gmail|yahoo|hotmail|outlook|icloud)\.com$/i;

// The original transport from the prototype.
const gmailTransport = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  service: 'gmail',
  auth: {
    // expect: personal-email/consumer-sender-address
    user: 'ar.tailspin.billing@gmail.com',
    pass: process.env.GMAIL_APP_PASSWORD,
  },
});

// Company relay, configured per environment: the supported path.
const relayTransport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT || 587),
  secure: false,
  auth: { user: process.env.SMTP_USER, pass: process.env.SMTP_PASS },
});

const fallbackTransport = nodemailer.createTransport({
  host: process.env.SMTP_HOST || 'relay.tailspin-toys.com',
  port: 25,
});

// Microsoft 365 tenant with the billing service account.
const m365Transport = nodemailer.createTransport({
  service: 'Outlook365',
  auth: { user: 'svc-billing@tailspin-toys.com', pass: process.env.M365_PASS },
});

// Someone's laptop setup, never removed.
const hotmailOptions = {
  // expect: personal-email/consumer-smtp-server
  service: 'Hotmail',
  auth: { user: process.env.HOTMAIL_USER, pass: process.env.HOTMAIL_PASS },
};
const hotmailTransport = nodemailer.createTransport(hotmailOptions);

const yahooTransport = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  host: 'smtp.mail.yahoo.com',
  port: 465,
  secure: true,
  // expect: personal-email/consumer-sender-address
  user: 'tailspin.invoices@yahoo.com',
  pass: process.env.YAHOO_APP_PASSWORD,
});

async function sendInvoice(transport, customer, pdfPath) {
  return transport.sendMail({
    // expect: personal-email/consumer-sender-address
    from: '"Tailspin Billing" <ar.tailspin.billing@gmail.com>',
    to: customer.email,
    cc: ownerPersonalEmail,
    subject: `Invoice ${customer.invoiceNo}`,
    text: `Dear ${customer.name}, please find your invoice attached.`,
    attachments: [{ filename: path.basename(pdfPath), content: fs.readFileSync(pdfPath) }],
  });
}

async function sendInvoiceFromCompany(customer, pdfPath) {
  return relayTransport.sendMail({
    from: '"Tailspin Billing" <billing@tailspin-toys.com>',
    replyTo: 'ar@tailspin-toys.com',
    to: [customer.email, 'b.okafor@icloud.com'],
    subject: `Invoice ${customer.invoiceNo}`,
    attachments: [{ filename: path.basename(pdfPath), path: pdfPath }],
  });
}

async function remindOverdue(customer) {
  return relayTransport.sendMail({
    from: process.env.BILLING_FROM,
    // expect: personal-email/consumer-sender-address
    replyTo: `b.okafor@icloud.com`,
    to: customer.email,
    subject: `Reminder: invoice ${customer.invoiceNo} is overdue`,
  });
}

function isPersonalAddress(email) {
  const domain = email.split('@').pop().toLowerCase();
  return PERSONAL_DOMAINS.includes(domain) || personalMail.test(email);
}

module.exports = { sendInvoice, sendInvoiceFromCompany, remindOverdue, isPersonalAddress,
  gmailTransport, m365Transport, hotmailTransport, yahooTransport, fallbackTransport };
