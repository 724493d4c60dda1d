/**
 * Sends the weekly pipeline PDF to the sales managers.
 * The SMTP password is an app password; rotate it when someone leaves the team.
 */
const nodemailer = require('nodemailer');
const sgMail = require('@sendgrid/mail');
const path = require('path');

// expect: credentials/sendgrid-api-key
sgMail.setApiKey('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');

const transporter = nodemailer.createTransport({
  host: 'smtp.office365.com',
  port: 587,
  auth: {
    user: 'pipeline-reports@acme.com',
    // expect: credentials/hardcoded-password
    pass: 'kiJP.1md-5wwu',
  },
});

const gmailTransport = nodemailer.createTransport({
  service: 'gmail',
  auth: {
    user: 'acme.sales.reports@gmail.com',
    // expect: credentials/hardcoded-password
    pass: 'lbff ynml cmmc rioj',
  },
});

const envTransport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  auth: {
    user: process.env.SMTP_USER,
    // expect-none: credentials
    pass: process.env.SMTP_PASS,
  },
});

const localTransport = nodemailer.createTransport({
  host: 'localhost',
  port: 1025,
  // expect-none: credentials
  auth: { user: 'dev', pass: '' },
});

// expect: credentials/postmark-server-token
const POSTMARK_SERVER_TOKEN = '0c4cb42a-5797-3066-3fa3-febb18fd6075';
const postmarkTransport = nodemailer.createTransport({
  host: 'smtp.postmarkapp.com',
  port: 587,
  auth: { user: POSTMARK_SERVER_TOKEN, pass: POSTMARK_SERVER_TOKEN },
});

// expect-none: credentials
const passwordResetSubject = 'Your password was changed';
// expect-none: credentials
const resetLinkTemplate = 'https://crm.acme-internal.com/reset?token={{ token }}';

async function sendWeekly(managers, pdfPath) {
  for (const to of managers) {
    await transporter.sendMail({
      from: 'pipeline-reports@acme.com',
      to,
      subject: 'Weekly pipeline',
      attachments: [{ filename: path.basename(pdfPath), path: pdfPath }],
    });
  }
}

async function sendViaSendgrid(to, html) {
  await sgMail.send({ to, from: 'pipeline-reports@acme.com', subject: 'Pipeline', html });
}

function mask(value) {
  // expect-none: credentials
  const hidden = '********';
  return value ? value.slice(0, 2) + hidden : hidden;
}

module.exports = { sendWeekly, sendViaSendgrid, mask, gmailTransport, envTransport, localTransport, postmarkTransport };
