// Sets up Gmail filters for the shared AP mailbox through the Gmail API (reads mail, sends none).
const { google } = require('googleapis');

async function createFilters(auth) {
  const gmail = google.gmail({ version: 'v1', auth });
  await gmail.users.settings.filters.create({
    userId: 'me',
    requestBody: {
      // expect-none: personal-email
      criteria: { from: 'statements@gmail.com' },
      action: { addLabelIds: ['Label_12'], removeLabelIds: ['INBOX'] },
    },
  });
  // expect-none: personal-email
  const res = await gmail.users.messages.list({ userId: 'me', q: 'from:invoices.supplier@yahoo.com has:attachment' });
  return res.data.messages ?? [];
}

function isPersonalSender(header) {
  // expect-none: personal-email
  return /@(gmail|yahoo|hotmail|outlook|icloud)\.com>?$/i.test(header);
}

module.exports = { createFilters, isPersonalSender };
