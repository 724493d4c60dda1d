// Mails each week's timesheet export to the payroll office.
// Usage: node send-timesheets.js 2024-W37
const fs = require('fs');
const path = require('path');
const nodemailer = require('nodemailer');

const week = process.argv[2];
const file = path.join(__dirname, 'exports', `timesheets_${week}.xlsx`);

const transporter = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  service: 'gmail',
  auth: {
    // expect: personal-email/consumer-sender-address
    user: 'site.foreman.carlos@gmail.com',
    pass: process.env.GMAIL_APP_PASSWORD,
  },
});

async function main() {
  await transporter.sendMail({
    // expect: personal-email/consumer-sender-address
    from: '"Site 4 Timesheets" <site.foreman.carlos@gmail.com>',
    // expect-none: personal-email
    to: 'payroll@brightline-logistics.com',
    subject: `Timesheets ${week}`,
    text: 'Attached.',
    attachments: [{ filename: path.basename(file), content: fs.createReadStream(file) }],
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
