import nodemailer from 'nodemailer';
import { readFile } from 'node:fs/promises';

const smtp = nodemailer.createTransport({
  // expect: personal-email/consumer-smtp-server
  host: 'smtp.mail.me.com',
  port: 587,
  auth: {
    // expect: personal-email/consumer-sender-address
    user: 'k.haug.design@icloud.com',
    pass: process.env.ICLOUD_APP_PASSWORD,
  },
});

export async function mailCatalogue() {
  const pdf = await readFile('out/catalogue.pdf');
  await smtp.sendMail({
    // expect: personal-email/consumer-sender-address
    from: 'Kari Haug <k.haug.design@icloud.com>',
    // expect-none: personal-email
    to: 'sales@halvorsen-marine.no',
    subject: 'Catalogue',
    attachments: [{ filename: 'catalogue.pdf', content: pdf }],
  });
}

// expect-none: personal-email
export const EXAMPLE_CONFIG = '# SMTP_HOST=smtp.gmail.com\n# SMTP_USER=you@gmail.com\n';
