// Expense-report reminders: one mail per employee with an open report.
const REMINDER_SHEET = 'Open reports';
const EMAIL_COL = 2;

function remindOpenReports() {
  const sheet = SpreadsheetApp.getActive().getSheetByName(REMINDER_SHEET);
  const rows = sheet.getDataRange().getValues();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row[4] !== 'OPEN') continue;
    // expect: personal-email/apps-script-mail-in-loop
    MailApp.sendEmail(row[EMAIL_COL], 'Expense report still open', 'Please submit report ' + row[0]);
  }
}

function remindWithForOf() {
  const rows = SpreadsheetApp.getActive().getSheetByName(REMINDER_SHEET).getDataRange().getValues().slice(1);
  for (const [id, name, email] of rows) {
    // expect: personal-email/apps-script-mail-in-loop
    GmailApp.sendEmail(email, 'Reminder', 'Hi ' + name + ', report ' + id + ' is open.');
  }
}

function remindWithForEach() {
  const rows = SpreadsheetApp.getActive().getSheetByName(REMINDER_SHEET).getDataRange().getValues();
  // expect: personal-email/apps-script-mail-in-loop
  rows.slice(1).forEach((row) => GmailApp.sendEmail(row[EMAIL_COL], 'Reminder', 'Report ' + row[0]));
  rows.slice(1).forEach(function (row) {
    if (row[4] === 'OPEN') {
      // expect: personal-email/apps-script-mail-in-loop
      MailApp.sendEmail(row[EMAIL_COL], 'Reminder', 'Report ' + row[0] + ' is open');
    }
  });
}

function sendStatementsToVendors() {
  const ss = SpreadsheetApp.getActive();
  const vendors = ss.getSheetByName('Vendors').getDataRange().getValues();
  vendors.forEach((v) => {
    const statement = DriveApp.getFileById(v[3]).getAs(MimeType.PDF);
    // expect: personal-email/apps-script-mail-in-loop
    // expect: personal-email/apps-script-report-attachment
    GmailApp.sendEmail(v[1], 'Your statement', 'Attached.', { attachments: [statement] });
  });
}

function drainQueue() {
  const queue = SpreadsheetApp.getActive().getSheetByName('Queue');
  let row = 2;
  // expect: db-loops/sheets-call-in-loop
  while (queue.getRange(row, 1).getValue() !== '') {
    // expect: personal-email/apps-script-mail-in-loop
    // expect: db-loops/sheets-call-in-loop
    GmailApp.createDraft(queue.getRange(row, 2).getValue(), 'Follow-up', queue.getRange(row, 3).getValue());
    row++;
  }
}

function sendDigestOnce() {
  // Collect first, send one mail after the loop: not bulk mail.
  const rows = SpreadsheetApp.getActive().getSheetByName(REMINDER_SHEET).getDataRange().getValues();
  const lines = [];
  for (let i = 1; i < rows.length; i++) {
    if (rows[i][4] === 'OPEN') lines.push(rows[i][0] + ' ' + rows[i][1]);
  }
  rows.forEach((r) => Logger.log(r[EMAIL_COL]));
  const recipients = rows.slice(1).map((r) => r[EMAIL_COL]).join(',');
  Logger.log('would notify ' + recipients);
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail('ap-managers@adventure-works.com', 'Open expense reports', lines.join('\n'));
}

function quotaLeft() {
  const left = MailApp.getRemainingDailyQuota();
  const threads = GmailApp.search('from:ap.team.aw@gmail.com newer_than:7d');
  for (const t of threads) {
    t.markRead();
  }
  return left;
}
