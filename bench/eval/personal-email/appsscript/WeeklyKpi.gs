/** Weekly KPI pack: PDF of the dashboard tab mailed to the leadership list. */
const LEADERSHIP = PropertiesService.getScriptProperties().getProperty('LEADERSHIP_LIST');

function weeklyKpi() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const dashboard = ss.getSheetByName('Dashboard');
  const pdf = DriveApp.getFileById(ss.getId()).getAs(MimeType.PDF).setName('KPI_week.pdf');
  const options = {
    attachments: [pdf],
    name: 'KPI bot',
  };
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail(LEADERSHIP, 'Weekly KPIs', 'Dashboard attached.', options);
}

function weeklyKpiToBoardMember() {
  const pdf = SpreadsheetApp.getActiveSpreadsheet().getAs(MimeType.PDF);
  // expect: personal-email/apps-script-report-attachment
  GmailApp.sendEmail('h.lindqvist.board@gmail.com', 'Weekly KPIs', 'Dashboard attached.', { attachments: [pdf] });
}

function weeklyKpiDraft() {
  const pdf = SpreadsheetApp.getActiveSpreadsheet().getAs(MimeType.PDF);
  // expect: personal-email/apps-script-report-attachment
  GmailApp.createDraft(LEADERSHIP, 'Weekly KPIs (review before sending)', 'Draft', { attachments: [pdf] });
}

function weeklyKpiNoAttachment() {
  // expect: personal-email/apps-script-mail-send
  GmailApp.sendEmail(LEADERSHIP, 'Weekly KPIs', 'Open the dashboard tab.', { attachments: [], name: 'KPI bot' });
}

function perRegion() {
  const regions = SpreadsheetApp.getActive().getSheetByName('Regions').getDataRange().getValues().slice(1);
  regions.forEach(function (r) {
    const csv = r.join(',');
    const blob = Utilities.newBlob(csv, 'text/csv', r[0] + '.csv');
    // expect: personal-email/apps-script-mail-in-loop
    // expect: personal-email/apps-script-report-attachment
    MailApp.sendEmail({ to: r[5], subject: 'Region KPIs', body: 'Attached', attachments: [blob] });
  });
}

function kpiThreshold() {
  const value = SpreadsheetApp.getActive().getRange('Dashboard!B4').getValue();
  if (value < 0.9) {
    // expect: personal-email/apps-script-mail-send
    MailApp.sendEmail(LEADERSHIP, 'KPI below target', 'On-time rate is ' + value);
  }
  // expect-none: personal-email
  const html = HtmlService.createHtmlOutput('<p>Contact: ops@brightline-logistics.com</p>');
  return html;
}
