/**
 * Month-end finance reports, run from a time-driven trigger.
 * Owner: finance ops. Questions: finance-ops@adventure-works.com
 * (Old notes said to send from ap.team.aw@gmail.com — no longer used.)
 */
const REPORT_SHEET_ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdEFG';
const CFO = 'cfo@adventure-works.com';
// expect: personal-email/consumer-sender-address
const SENDER_ADDRESS = 'ap.team.aw@gmail.com';
const PERSONAL = /@(gmail|yahoo|hotmail|outlook)\.com$/i;

function sendMonthlyPnl() {
  const ss = SpreadsheetApp.openById(REPORT_SHEET_ID);
  const pdf = ss.getAs(MimeType.PDF).setName('PnL_' + monthLabel_() + '.pdf');
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail(CFO, 'P&L ' + monthLabel_(), 'Attached is the monthly P&L.', {
    attachments: [pdf],
    name: 'Finance Ops',
  });
}

function sendPayrollExport() {
  const file = DriveApp.getFileById(PropertiesService.getScriptProperties().getProperty('PAYROLL_FILE'));
  // expect: personal-email/apps-script-report-attachment
  MailApp.sendEmail({
    to: 'payroll-provider@paychex-partner.com',
    subject: 'Payroll export',
    body: 'See attachment.',
    attachments: [file.getBlob()],
  });
}

function sendPnlFromAlias() {
  const ss = SpreadsheetApp.openById(REPORT_SHEET_ID);
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail('l.fischer.aw@gmail.com', 'P&L draft', 'Draft attached', {
    attachments: [ss.getAs(MimeType.PDF)],
    // expect: personal-email/consumer-sender-address
    from: 'ap.team.aw@gmail.com',
    name: 'AP Team',
  });
}

function notifyCfo() {
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail(CFO, 'Close complete', 'The month-end close is complete.');
}

function notifyBoardMember() {
  // expect: personal-email/apps-script-mail-send
  GmailApp.sendEmail('j.whitaker.board@gmail.com', 'Close complete', 'Numbers are final.');
}

function draftVarianceNote(summary) {
  // expect: personal-email/apps-script-mail-send
  GmailApp.createDraft(Session.getActiveUser().getEmail(), 'Variance note', summary);
}

function notifyWithReplyTo() {
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail({
    to: CFO,
    subject: 'Close complete',
    htmlBody: '<p>Done.</p>',
    replyTo: 'finance-ops@adventure-works.com',
  });
}

function notifyWithPersonalReplyTo() {
  GmailApp.sendEmail(CFO, 'Close complete', 'Done', {
    // expect: personal-email/consumer-sender-address
    replyTo: 'l.fischer.aw@gmail.com',
  });
}

function sendSummaryWithoutFiles() {
  const options = { name: 'Finance Ops', attachments: [] };
  // expect: personal-email/apps-script-mail-send
  GmailApp.sendEmail(CFO, 'Summary', buildSummary_(), { attachments: [], name: 'Finance Ops' });
  return options;
}

function buildSummary_() {
  const values = SpreadsheetApp.openById(REPORT_SHEET_ID).getSheetByName('Summary').getDataRange().getValues();
  let text = '';
  for (let i = 1; i < values.length; i++) {
    text += values[i][0] + ': ' + values[i][1] + '\n';
  }
  return text;
}

function monthLabel_() {
  return Utilities.formatDate(new Date(), 'America/New_York', 'yyyy-MM');
}

function countPersonal_(emails) {
  return emails.filter((e) => PERSONAL.test(e)).length;
}

function labelSupplierMail() {
  // Advanced Gmail service: a filter on incoming mail, nothing is sent.
  Gmail.Users.Settings.Filters.create({
    criteria: { from: 'invoices.supplier@gmail.com' },
    action: { addLabelIds: ['Label_12'] },
  }, 'me');
  const threads = GmailApp.search('from:invoices.supplier@gmail.com is:unread');
  return threads.length;
}

function mailStatementWithOptions() {
  const statement = DriveApp.getFileById(PropertiesService.getScriptProperties().getProperty('STATEMENT_ID'))
    .getAs(MimeType.PDF);
  const mailOptions = {
    name: 'Treasury',
    attachments: [statement],
  };
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail('treasury@acme-corp.com', 'Bank statement', 'Attached.', mailOptions);
}

function mailStatementLinkWithOptions() {
  const linkOptions = { name: 'Treasury', htmlBody: '<a href="https://drive.google.com/">statement</a>' };
  // expect: personal-email/apps-script-mail-send
  GmailApp.sendEmail('treasury@acme-corp.com', 'Bank statement', 'See the link.', linkOptions);
}
