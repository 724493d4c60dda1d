// New-hire onboarding: reads the HR form responses sheet, creates accounts in the payroll
// database and mails each manager a welcome pack. Built by the People Ops team.

var PAYROLL_DB_URL = 'jdbc:mysql://10.20.0.15:3306/payroll';
var PAYROLL_DB_USER = 'onboarding';
var SLACK_WEBHOOK = PropertiesService.getScriptProperties().getProperty('SLACK_WEBHOOK');

function onboardNewHires() {
  var sheet = SpreadsheetApp.getActive().getSheetByName('Responses');
  var lastRow = sheet.getLastRow();
  // expect: credentials/hardcoded-password
  var conn = Jdbc.getConnection(PAYROLL_DB_URL, PAYROLL_DB_USER, 'Onb0arding#Payroll7');
  for (var row = 2; row <= lastRow; row++) {
    // expect: db-loops/sheets-call-in-loop
    var name = sheet.getRange(row, 2).getValue();
    // expect: db-loops/sheets-call-in-loop
    var passport = sheet.getRange(row, 5).getValue();
    var stmt = conn.prepareStatement('INSERT INTO employees (name, passport_number) VALUES (?, ?)');
    stmt.setString(1, name);
    stmt.setString(2, passport);
    // expect: db-loops/query-in-loop
    stmt.executeUpdate();
  }
  conn.close();
}

function sendWelcomePacks() {
  var rows = SpreadsheetApp.getActive().getSheetByName('Managers').getDataRange().getValues();
  var pack = DriveApp.getFileById('1AbCdEfGhIjKlMnOpQrStUvWxYz012345').getAs(MimeType.PDF);
  rows.forEach(function (r) {
    // expect: personal-email/apps-script-mail-in-loop
    // expect: personal-email/apps-script-report-attachment
    GmailApp.sendEmail(r[1], 'Welcome pack for ' + r[0], 'Attached is the welcome pack.', {
      attachments: [pack],
      name: 'People Ops',
    });
  });
}
