/** Timesheet approvals, run by the site manager's trigger. */
function mailTimesheets() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = ss.getSheetByName('Approvals');
  const rows = sheet.getRange(2, 1, sheet.getLastRow() - 1, 4).getValues();
  rows.forEach(([name, email, hours, approved]) => {
    if (!approved) return;
    // expect: personal-email/apps-script-mail-in-loop
    MailApp.sendEmail(email, 'Timesheet approved', name + ': ' + hours + ' hours approved.');
  });
  const xlsx = ss.getAs('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  // expect: personal-email/apps-script-report-attachment
  MailApp.sendEmail({ to: 'payroll@halvorsen-marine.no', subject: 'Approved timesheets', body: 'Attached', attachments: [xlsx] });
}

function mailFromPersonalAlias() {
  GmailApp.sendEmail('payroll@halvorsen-marine.no', 'Timesheets', 'see sheet', {
    // expect: personal-email/consumer-sender-address
    from: 'site.manager.halvorsen@gmail.com',
  });
}

function personalCount() {
  const rows = SpreadsheetApp.getActive().getSheetByName('Approvals').getDataRange().getValues();
  // expect-none: personal-email
  return rows.filter((r) => /@gmail\.com$/.test(r[1])).length;
}

function quotaLeft() {
  // expect-none: personal-email
  return MailApp.getRemainingDailyQuota();
}
