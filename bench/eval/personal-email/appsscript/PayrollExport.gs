/**
 * Payroll export: turns the "Payroll" sheet into a PDF and mails it to the accountant.
 * Runs from a time-driven trigger created by the office manager.
 */
const ACCOUNTANT = 'accounts@mendez-tax-advisors.com';

function exportPayroll() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const pdf = ss.getAs(MimeType.PDF).setName('Q3_payroll.pdf');
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail(ACCOUNTANT, 'Q3 payroll', 'Payroll attached.', {
    attachments: [pdf],
    name: 'Brightline Office',
  });
}

function exportPayrollXlsx() {
  const id = SpreadsheetApp.getActiveSpreadsheet().getId();
  const url = 'https://docs.google.com/spreadsheets/d/' + id + '/export?format=xlsx';
  const blob = UrlFetchApp.fetch(url, {
    headers: { Authorization: 'Bearer ' + ScriptApp.getOAuthToken() },
  }).getBlob().setName('Q3_payroll.xlsx');
  // expect: personal-email/apps-script-report-attachment
  MailApp.sendEmail({
    to: ACCOUNTANT,
    subject: 'Q3 payroll (xlsx)',
    body: 'Attached.',
    attachments: [blob],
  });
}

function exportDriveFile() {
  const file = DriveApp.getFileById(PropertiesService.getScriptProperties().getProperty('REPORT_FILE_ID'));
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail(ACCOUNTANT, 'Monthly report', 'See attachment', { attachments: [file.getBlob()] });
}

function exportWithPersonalSender() {
  const pdf = SpreadsheetApp.getActive().getAs('application/pdf');
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail(ACCOUNTANT, 'Payroll', 'Attached', {
    attachments: [pdf],
    // expect: personal-email/consumer-sender-address
    from: 'office.manager.bl@gmail.com',
    // expect: personal-email/consumer-sender-address
    replyTo: 'office.manager.bl@gmail.com',
  });
}

function exportAsLink() {
  const url = SpreadsheetApp.getActiveSpreadsheet().getUrl();
  // expect: personal-email/apps-script-mail-send
  MailApp.sendEmail(ACCOUNTANT, 'Payroll is ready', 'Open the sheet: ' + url);
}

function remainingQuota() {
  // expect-none: personal-email
  const left = MailApp.getRemainingDailyQuota();
  // expect-none: personal-email
  Logger.log('Mail quota left today: ' + left);
  return left;
}
