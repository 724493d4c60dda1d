/**
 * Volunteer background checks (clasp project, deployed as a web app for the coordinators).
 */
function saveBackgroundCheck(form) {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Checks');
  // expect: pii/pii-written-to-sheet-or-file
  sheet.appendRow([form.volunteerName, form.driversLicenseNumber, form.dateOfBirth, new Date()]);
  // expect-none: pii
  sheet.appendRow([form.volunteerName, form.coordinatorEmail, new Date()]);
  // expect: pii/pii-in-log
  Logger.log('Background check for ' + form.volunteerName + ' licence ' + form.driversLicenseNumber);
  // expect: pii/pii-sent-to-third-party
  UrlFetchApp.fetch('https://api.checks.example.com/v1/checks', { method: 'post', payload: { name: form.volunteerName, dob: form.dateOfBirth, ssn: form.ssn } });
  // expect-none: pii
  Logger.log('Background check requested by ' + Session.getActiveUser().getEmail());
  return { ok: true };
}

function exportChecksToDrive() {
  const values = SpreadsheetApp.getActive().getSheetByName('Checks').getDataRange().getValues();
  const lines = values.map((r) => r.join(','));
  // expect: pii/pii-written-to-sheet-or-file
  const file = DriveApp.createFile('checks.csv', 'name,driversLicenseNumber,dateOfBirth\n' + lines.join('\n'));
  file.setSharing(DriveApp.Access.DOMAIN_WITH_LINK, DriveApp.Permission.VIEW);
  // expect-none: pii
  DriveApp.createFile('checks-count.txt', 'Checks done: ' + (values.length - 1));
}

function markCleared(row, passportNumber) {
  const sheet = SpreadsheetApp.getActive().getSheetByName('Checks');
  // expect: pii/pii-written-to-sheet-or-file
  sheet.getRange(row, 7).setValue(passportNumber);
  // expect-none: pii
  sheet.getRange(row, 8).setValue(passportNumber ? 'Passport seen' : 'No passport');
  // expect: pii/pii-in-log
  console.warn('Passport recorded: ' + passportNumber);
}
