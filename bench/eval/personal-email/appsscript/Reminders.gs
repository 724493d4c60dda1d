/** Sends reminders for overdue training to everyone listed in the "Training" sheet. */
const EMAIL_COL = 2;
const NAME_COL = 1;
const DUE_COL = 4;

function sendTrainingReminders() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Training');
  const rows = sheet.getDataRange().getValues();
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    if (row[DUE_COL] > new Date()) continue;
    // expect: personal-email/apps-script-mail-in-loop
    MailApp.sendEmail(row[EMAIL_COL], 'Training overdue', 'Hi ' + row[NAME_COL] + ', your safety training is overdue.');
  }
}

function sendShiftConfirmations() {
  const rows = SpreadsheetApp.getActive().getSheetByName('Shifts').getDataRange().getValues().slice(1);
  rows.forEach((row) => {
    // expect: personal-email/apps-script-mail-in-loop
    GmailApp.sendEmail(row[3], 'Shift confirmed', `Your shift on ${row[1]} is confirmed.`);
  });
}

function sendPayslips() {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Payslips');
  const data = sheet.getDataRange().getValues();
  let r = 1;
  while (r < data.length) {
    const [name, email, fileId] = data[r];
    const slip = DriveApp.getFileById(fileId).getAs(MimeType.PDF);
    // expect: personal-email/apps-script-mail-in-loop
    // expect: personal-email/apps-script-report-attachment
    GmailApp.sendEmail(email, 'Your payslip', 'Hi ' + name + ', your payslip is attached.', { attachments: [slip] });
    r++;
  }
}

function draftInvitations() {
  const guests = SpreadsheetApp.getActive().getRange('Guests!A2:B').getValues().filter((g) => g[0]);
  for (const [name, address] of guests) {
    // expect: personal-email/apps-script-mail-in-loop
    GmailApp.createDraft(address, 'Summer party', 'Dear ' + name + ', you are invited!');
  }
}

function sendDigestOnce() {
  const rows = SpreadsheetApp.getActive().getSheetByName('Training').getDataRange().getValues();
  const overdue = rows.filter((r) => r[DUE_COL] < new Date()).map((r) => r[NAME_COL]);
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail('training-coordinators@brightline-logistics.com', 'Overdue training', overdue.join('\n'));
}

function collectAddresses() {
  const rows = SpreadsheetApp.getActive().getSheetByName('Training').getDataRange().getValues();
  // expect-none: personal-email
  return rows.map((r) => r[EMAIL_COL]).filter((e) => !/@(gmail|yahoo|hotmail)\.com$/i.test(e));
}
