// Transports found in old team scripts (mail audit, kept for the migration list).
const nodemailer = require('nodemailer');

const yahoo = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  host: 'smtp.mail.yahoo.com',
  port: 465,
  secure: true,
  // expect: personal-email/consumer-sender-address
  auth: { user: 'fleet.reports.bl@yahoo.com', pass: process.env.YAHOO_APP_PW },
});

const hotmail = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  service: 'Hotmail',
  // expect: personal-email/consumer-sender-address
  auth: { user: 'fleet.reports.bl@hotmail.com', pass: process.env.HOTMAIL_PW },
});

const icloud = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  service: 'iCloud',
  auth: {
    // expect: personal-email/consumer-sender-address
    user: 'n.ito.studio@icloud.com',
    pass: process.env.ICLOUD_PW,
  },
});

const gmailUrl = nodemailer.createTransport(
  // expect: personal-email/consumer-smtp-server
  `smtps://fleet.reports.bl%40gmail.com:${process.env.GMAIL_PW}@smtp.gmail.com`
);

// expect: personal-email/consumer-smtp-server
const gmailHost = nodemailer.createTransport({ host: 'smtp.gmail.com', port: 587, auth: { user: process.env.GMAIL_USER, pass: process.env.GMAIL_PW } });

const outlook = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  host: 'smtp-mail.outlook.com',
  port: 587,
  // expect: personal-email/consumer-sender-address
  auth: { user: 'fleet.reports.bl@outlook.com', pass: process.env.OUTLOOK_PW },
});

const zoho = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  host: 'smtp.zoho.eu',
  port: 465,
  secure: true,
  auth: { user: process.env.ZOHO_USER, pass: process.env.ZOHO_PW },
});

module.exports = { yahoo, hotmail, icloud, gmailUrl, gmailHost, outlook, zoho };
