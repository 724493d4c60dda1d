// Sends invoice reminders from the billing microservice.
import sgMail from '@sendgrid/mail';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import formData from 'form-data';
import Mailgun from 'mailgun.js';

sgMail.setApiKey(process.env.SENDGRID_API_KEY);
const ses = new SESv2Client({ region: 'eu-west-1' });
const mg = new Mailgun(formData).client({ username: 'api', key: process.env.MAILGUN_API_KEY });

// expect: personal-email/consumer-sender-address
const SENDER_EMAIL = 'billing.helen.w@gmail.com';
// expect-none: personal-email
const BILLING_ADDRESS = process.env.BILLING_FROM ?? 'billing@brightline-logistics.com';

export async function sendgridReminder(invoice) {
  await sgMail.send({
    // expect-none: personal-email
    to: invoice.customerEmail,
    from: SENDER_EMAIL,
    subject: `Invoice ${invoice.number} is overdue`,
    html: `<p>Amount due: ${invoice.amount}</p>`,
  });
}

export async function sendgridNamedSender(invoice) {
  await sgMail.send({
    to: invoice.customerEmail,
    from: {
      // expect: personal-email/consumer-sender-address
      email: 'billing.helen.w@outlook.com',
      name: 'Brightline Billing',
    },
    // expect: personal-email/consumer-sender-address
    replyTo: 'billing.helen.w@outlook.com',
    subject: 'Reminder',
    text: 'Please pay.',
  });
}

export async function sesReminder(invoice) {
  await ses.send(new SendEmailCommand({
    // expect: personal-email/consumer-sender-address
    FromEmailAddress: 'billing.helen.w@gmail.com',
    Destination: { ToAddresses: [invoice.customerEmail] },
    // expect: personal-email/consumer-sender-address
    ReplyToAddresses: ['billing.helen.w@gmail.com'],
    Content: { Simple: { Subject: { Data: 'Reminder' }, Body: { Text: { Data: 'Please pay.' } } } },
  }));
}

export async function sesCompany(invoice) {
  await ses.send(new SendEmailCommand({
    // expect-none: personal-email
    FromEmailAddress: BILLING_ADDRESS,
    // expect-none: personal-email
    Destination: { ToAddresses: [invoice.customerEmail], BccAddresses: ['helen.archive@gmail.com'] },
    Content: { Simple: { Subject: { Data: 'Reminder' }, Body: { Text: { Data: 'Please pay.' } } } },
  }));
}

export async function mailgunReminder(invoice) {
  return mg.messages.create('mg.brightline-logistics.com', {
    // expect: personal-email/consumer-sender-address
    from: 'Helen (Billing) <billing.helen.w@yahoo.com>',
    to: [invoice.customerEmail],
    subject: 'Reminder',
    text: 'Please pay.',
  });
}

export async function mailgunCompany(invoice) {
  return mg.messages.create('mg.brightline-logistics.com', {
    // expect-none: personal-email
    from: 'Billing <billing@mg.brightline-logistics.com>',
    to: [invoice.customerEmail],
    subject: 'Reminder',
    text: 'Please pay.',
  });
}
